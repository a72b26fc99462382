"""The Markdown report of one graded branch (``report.md``)."""

from __future__ import annotations

from testkit.grading.branch import BranchResult
from testkit.grading.check import short_message, test_name
from testkit.grading.results import fmt


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table row."""
    return " ".join(text.replace("|", "\\|").split())


def _pair(earned: float, possible: float) -> str:
    return f"{fmt(earned)}/{fmt(possible)}" if possible else "-"


def render(result: BranchResult) -> str:
    earned, possible = result.points()
    commit = f"`{result.commit[:12]}`" if result.commit else "no commit"
    out = [
        f"# {result.week}: {result.branch}",
        "",
        f"Commit {commit}, graded in {result.duration:.1f} s, sandbox: {result.sandbox_description}.",
        "",
    ]
    if result.warning:
        out += [f"**Warning: {result.warning}.**", ""]
    headline = f"**Points: {fmt(earned)}/{fmt(possible)}**"
    if result.has_hidden:
        headline += (
            f" (public tests {_pair(*result.points(hidden=False))}, "
            f"hidden tests {_pair(*result.points(hidden=True))})"
        )
    out += [headline, ""]
    if result.reason:
        out += [
            f"**Could not grade every test:** {result.reason}. The tests it affects score 0.",
            "",
        ]
    if result.tampered:
        out += ["**Tampering flagged:** the branch changed files the grader relies on "
                "(the official versions were used for grading):", ""]  # fmt: skip
        out += [
            f"- `{line.split(': ', 1)[0]}`: {line.split(': ', 1)[-1]}" for line in result.tamper
        ]
        out.append("")
    else:
        out += ["Tamper check: tests, testkit and dependencies match the grader's checkout.", ""]
    if result.review:
        out += ["**For review** (flagged for a person to look at; the points above do not "
                "depend on them):", ""]  # fmt: skip
        out += [f"- {_cell(signal.line())}" for signal in result.review]
        out.append("")
    out += ["## Tasks", ""]
    hidden_column = result.has_hidden
    header = "| Task | Title | Public |" + (" Hidden |" if hidden_column else "") + " Points |"
    out += [header, "|" + " --- |" * (4 + hidden_column)]
    for score in result.scores():
        number = str(score.number) if score.number is not None else "-"
        row = f"| {number} | {_cell(score.title)} | {_pair(score.earned(False), score.possible(False))} |"
        if hidden_column:
            row += f" {_pair(score.earned(True), score.possible(True))} |"
        out.append(row + f" {_pair(score.earned(), score.possible())} |")
    failed = [t for t in result.tests if t.status in ("fail", "error")]
    out += ["", "## Failed tests", ""]
    if not failed:
        out.append("None.")
    for test in failed:
        kind = "hidden" if test.hidden else "public"
        where = f"task {test.task}" if test.task is not None else "no task"
        note = (
            " (service unavailable: not the student's failure)" if test.service_unavailable else ""
        )
        message = (
            "did not run (see above)"
            if test.message == result.reason
            else _cell(short_message(test.message))
        )
        out.append(
            f"- `{test_name(test.name)}` ({kind}, {where}, {fmt(test.points)} pt){note}: {message}"
        )
    if result.api_differences is not None or result.api_error:
        out += ["", "## API contract", ""]
        if result.api_error:
            out.append(f"Not compared: {result.api_error}")
        elif result.api_differences:
            out += ["Differences from the reference solution's OpenAPI document:", ""]
            out += [f"- {line}" for line in result.api_differences]
        else:
            out.append(
                "Same paths, methods, status codes and schema fields as the reference solution."
            )
    if result.migrations is not None:
        out += ["", "## Migrations", "", result.migrations.line()]
    if result.similarity:
        out += [
            "",
            "## Similarity",
            "",
            "Share of the smaller code's fingerprints found in the other:",
            "",
        ]
        ranked = sorted(result.similarity.items(), key=lambda item: -item[1])
        out += [f"- {_cell(other)}: {score:.0%}" for other, score in ranked]
    return "\n".join(out) + "\n"

"""The Markdown report of one graded branch (``report.md``)."""

from __future__ import annotations

import math

from testkit.grading.branch import BranchResult
from testkit.grading.check import short_message, test_name
from testkit.grading.results import fmt
from testkit.grading.student_tests import StudentTests
from testkit.mutants.score import COVERAGE_GOAL


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table row."""
    return " ".join(text.replace("|", "\\|").split())


def _pair(earned: float, possible: float) -> str:
    return f"{fmt(earned)}/{fmt(possible)}" if possible else "-"


def render(result: BranchResult) -> str:
    earned, possible = result.total_points()
    commit = f"`{result.commit[:12]}`" if result.commit else "no commit"
    out = [
        f"# {result.week}: {result.branch}",
        "",
        f"Commit {commit}, graded in {result.duration:.1f} s, sandbox: {result.sandbox_description}.",
        "",
    ]
    if result.warning:
        out += [f"**Warning: {result.warning}.**", ""]
    parts = []
    if result.has_hidden:
        parts += [f"public tests {_pair(*result.points(hidden=False))}",
                  f"hidden tests {_pair(*result.points(hidden=True))}"]  # fmt: skip
    elif result.student_tests is not None:
        parts.append(f"project tests {_pair(*result.points())}")
    if result.student_tests is not None:
        parts.append(f"your tests {_pair(*result.student_points())}")
    headline = f"**Points: {fmt(earned)}/{fmt(possible)}**"
    out += [headline + (f" ({', '.join(parts)})" if parts else ""), ""]
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
    if result.student_tests is not None:
        out += ["", *student_section(result.student_tests)]
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


def student_section(mine: StudentTests) -> list[str]:
    """ "Your tests": what they caught, per kind of bug, with a hint per kind missed (never the bug)."""
    earned, possible = mine.points()
    where = f"`{mine.folder}/tests/student`"
    out = ["## Your tests", ""]
    if mine.problem:
        out += [f"**Not scored:** {_cell(mine.problem)}.", ""]
    planted, caught = len(mine.planted), mine.caught
    per = f"{fmt(mine.weight)} point{'s' if mine.weight != 1 else ''} per bug"
    out.append(f"Your tests ({where}, {len(mine.tests)} test(s)) caught **{caught} of {planted}** "
               f"planted bugs: {fmt(earned)}/{fmt(possible)} points ({per}).")  # fmt: skip
    hidden = [m for m in mine.planted if m.hidden]
    if hidden:
        caught = sum(m.killed for m in hidden)
        secret = "" if caught == len(hidden) else " The ones missed get no hint."
        out.append(f"Of the bugs only the grader knows, they caught {caught} of {len(hidden)}."
                   f"{secret}")  # fmt: skip
    out.append("")
    if mine.rejected:
        out += ["These tests scored nothing (a test must pass on correct code):", ""]
        out += [f"- `{test_name(name)}`: {_cell(why)}" for name, why in mine.rejected.items()]
        out.append("")
    out += [f"- {_cell(note)}" for note in mine.notes]
    if categories := mine.categories():
        out += ["| Kind of bug | Caught |", "| --- | --- |"]
        out += [f"| {_cell(name)} | {c}/{p} |" for name, (c, p) in categories.items()]
        out.append("")
    if missed := mine.missed_hints():
        out += ["Missed, a question per kind of bug:", ""]
        out += [f"- **{_cell(kind)}**: {_cell(hint)}" for kind, hint in missed.items()]
        out.append("")
    if mine.coverage is not None:
        goal = "" if mine.coverage >= COVERAGE_GOAL else f", below the goal of {COVERAGE_GOAL}%"
        # Rounded down: 79.6% must not read as the goal of 80% it misses.
        out.append(f"Coverage of your starter by your tests: {math.floor(mine.coverage)}%{goal}.")
    if mine.on_starter:
        out.append(f"On your own code: {_cell(mine.on_starter)} (fix the code, or the test).")
    while out and not out[-1]:
        out.pop()
    return out

"""``testkit check-week N``: the student's ``starter/`` against the project tests, per task.

week03: your starter/ against the project tests (6 tests, 1.4 s)

  Task 1  Create the app      passed   2/2
  Task 2  Create tasks        failed   1/3
          test_create_rejects_empty_title: AssertionError: assert 201 == 422
          Hint: validate the body with TaskCreate before storing anything.

Points 3/5
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from testkit import paths
from testkit.grading import hints, results, runner

MESSAGE_LINES = 3
LINE_CHARS = 160
_TODO = re.compile(r"^NotImplementedError:\s*(?P<todo>.*)$")
_TIMEOUT = re.compile(r"Timeout \(>(?P<seconds>[\d.]+)s\)")


def short_message(message: str | None) -> str:
    """The first lines of a failure, which say what went wrong; TODOs read as "not done yet"."""
    lines = [line.strip().removeprefix("E").strip() for line in (message or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return "failed without a message"
    if todo := _TODO.match(lines[0]):
        return f"not implemented yet ({todo['todo'] or 'TODO'})"
    if timeout := _TIMEOUT.search(lines[0]):
        return (
            f"timed out after {float(timeout['seconds']):g} s (an endless loop or a blocking call?)"
        )
    kept = [
        textwrap.shorten(line, LINE_CHARS, placeholder=" ...") for line in lines[:MESSAGE_LINES]
    ]
    return "\n".join(kept) + ("\n..." if len(lines) > MESSAGE_LINES else "")


def test_name(node_id: str) -> str:
    return node_id.rsplit("::", 1)[-1]


def render(
    folder: str,
    scores: list[results.TaskScore],
    outcome: runner.RunOutcome,
    tasks: dict[int, hints.TaskInfo],
) -> str:
    tests = [t for score in scores for t in score.tests]
    out = [
        f"{folder}: your starter/ against the project tests "
        f"({len(tests)} tests, {outcome.duration:.1f} s)",
        "",
    ]
    if reason := outcome.reason():
        out += [f"Your code could not be tested: {reason}", "Fix this first, then check again.", ""]
    width = max((len(s.title) for s in scores), default=0)
    for score in scores:
        label = f"Task {score.number}" if score.number is not None else "Other"
        state = "passed" if score.passed else ("not run" if not score.failures else "failed")
        points = f"{results.fmt(score.earned())}/{results.fmt(score.possible())}"
        out.append(f"  {label:<7} {score.title:<{width}}  {state:<8} {points}")
        indent = " " * 10
        if failed := score.failures:
            first = failed[0]
            message = short_message(first.message).replace("\n", "\n" + indent + "  ")
            out.append(f"{indent}{test_name(first.name)}: {message}")
            if len(failed) > 1:
                out.append(f"{indent}(and {len(failed) - 1} more failing test(s) in this task)")
            info = tasks.get(score.number) if score.number is not None else None
            if info and info.hint:
                hint = textwrap.fill(
                    " ".join(info.hint.split()), 96, initial_indent=f"{indent}Hint: ",
                    subsequent_indent=indent + "      ",
                )  # fmt: skip
                out.append(hint)
        if blocked := score.unavailable:
            out.append(
                f"{indent}{len(blocked)} test(s) could not run: a service (PostgreSQL/Redis) "
                "did not start. Not your failure:"
            )
            out.append(f"{indent}{short_message(blocked[0].message).splitlines()[0]}")
    earned, possible = results.total(tests)
    blocked_points = sum(t.points for t in tests if t.service_unavailable)
    if not tests:
        return "\n".join([*out, "Points 0 (no test could run)"])
    out += ["", f"Points {results.fmt(earned)}/{results.fmt(possible)}"]
    if blocked_points:
        out.append(
            f"({results.fmt(blocked_points)} more points are in tests that could not run because a "
            "service was unavailable; `make services-up` shows why.)"
        )
    return "\n".join(out)


def check_week(
    root: Path, week: str, *, time_limit: float = 300, test_timeout: float | None = 30
) -> tuple[int, str]:
    """Run the week's project tests against ``starter``; return (exit code, the summary text).

    The JSON report is kept in ``.reports/<folder>-starter.json`` for ``testkit progress``.
    """
    folder = paths.week_folder(week)
    if not (root / folder / "tests" / "project").is_dir():
        return 2, f"{folder} has no project tests in this checkout."
    outcome = runner.run_tests(
        root,
        [f"{folder}/tests/project"],
        impl="starter",
        time_limit=time_limit,
        test_timeout=test_timeout,
        report_file=root / ".reports" / f"{folder}-starter.json",
        env={"PYTHONPATH": str(root / folder / "src")},  # also in a checkout not yet synced
    )
    tasks = hints.load(root / folder)
    tests = results.from_report(outcome.report) if outcome.report else []
    scores = results.by_task(tests, tasks)
    text = render(folder, scores, outcome, tasks)
    ok = outcome.reason() is None and bool(scores) and all(s.passed for s in scores)
    return (0 if ok else 1), text

"""``testkit check-week N``: the student's ``starter/`` against the project tests, per task.

week03: your starter/ against the project tests (6 tests, 1.4 s)

  Task 1  Create the app      passed   2/2
  Task 2  Create tasks        failed   1/3
          test_create_rejects_empty_title: not implemented yet (TODO: store the task)
          Work in: week03/src/week03/starter/tasks/service.py:24 (TaskService.create)
          Hint 1/3 (Nudge): validating a body is lecture 3's subject.

Points 3/5

More hints for 1 task(s): make check-week 3 HINT=2
Only one task, in seconds: make check-week 3 TASK=2

``suite="dsa"`` (``testkit check-week N --dsa``, ``make dsa N``) does the same for the week's DSA
problems: ``tests/dsa/`` against ``src/<package>/dsa/starter``, per problem, with the hints of
``dsa/hints.md``; its points are never mixed with the project's.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from testkit import batch, paths, report
from testkit.grading import hints, results, runner
from testkit.mutants import score as mutant_score

MAX_PLACES = 3
NO_TESTS_RAN = 5  # pytest's exit code when every test was deselected
MESSAGE_LINES = 3
LINE_CHARS = 160
_TODO = re.compile(r"^NotImplementedError:\s*(?P<todo>.*)$")
_TIMEOUT = re.compile(r"Timeout \(>(?P<seconds>[\d.]+)s\)")


@dataclass(frozen=True)
class Suite:
    """A graded test folder of a week: what it is called in the feedback and how to re-run it."""

    folder: str  # under tests/
    work: str  # what the student's code is, in the header
    against: str  # what it runs against, in the header
    unit: str  # "Task" or "Problem"
    command: str  # the make command, {week} filled in

    def report_name(self, folder: str, task: int | None = None) -> str:
        middle = "" if self.folder == "project" else f"-{self.folder}"
        return f"{folder}{middle}-starter" + (f"-task{task}" if task is not None else "")


SUITES = {
    "project": Suite("project", "starter/", "the project tests", "Task", "make check-week {week}"),
    "dsa": Suite("dsa", "dsa/starter/", "the DSA problems", "Problem", "make dsa {week}"),
}


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


def locations(data: dict[str, Any] | None) -> dict[str, str]:
    """Test name -> ``path:line in function`` of the student's code where it failed (see plugin)."""
    tests = data["tests"] if data else []
    return {str(t["name"]): str(t["where"]) for t in tests if t.get("where")}


def work_in(failures: list[results.TestOutcome], where: dict[str, str]) -> list[str]:
    """The distinct places in the student's code where a task's tests failed, first seen first."""
    places = dict.fromkeys(where[t.name] for t in failures if t.name in where)
    return [place.replace(" in ", " (", 1) + ")" if " in " in place else place for place in places]


def hint_lines(info: hints.TaskInfo | None, level: int, indent: str) -> list[str]:
    """The hint's tiers up to ``level``, wrapped; untiered hints read "Hint: ..." as always."""
    if info is None:
        return []
    out = []
    for tier in info.revealed(level):
        label = (
            "Hint: " if not info.tiers else f"Hint {tier.number}/{len(info.tiers)} ({tier.name}): "
        )
        out.append(textwrap.fill(
            " ".join(tier.text.split()), 96, initial_indent=f"{indent}{label}",
            subsequent_indent=indent + " " * min(len(label), 6),
        ))  # fmt: skip
    return out


def render(
    folder: str,
    scores: list[results.TaskScore],
    outcome: runner.RunOutcome,
    tasks: dict[int, hints.TaskInfo],
    *,
    hint_level: int = 1,
    suite: Suite = SUITES["project"],
) -> str:
    tests = [t for score in scores for t in score.tests]
    where = locations(outcome.report)
    out = [
        f"{folder}: your {suite.work} against {suite.against} "
        f"({len(tests)} tests, {outcome.duration:.1f} s)",
        "",
    ]
    if reason := outcome.reason():
        out += [f"Your code could not be tested: {reason}", "Fix this first, then check again.", ""]
    width = max((len(s.title) for s in scores), default=0)
    for score in scores:
        label = f"{suite.unit} {score.number}" if score.number is not None else "Other"
        state = "passed" if score.passed else ("not run" if not score.failures else "failed")
        points = f"{results.fmt(score.earned())}/{results.fmt(score.possible())}"
        out.append(f"  {label:<{len(suite.unit) + 3}} {score.title:<{width}}  {state:<8} {points}")
        indent = " " * 10
        if failed := score.failures:
            first = failed[0]
            message = short_message(first.message).replace("\n", "\n" + indent + "  ")
            out.append(f"{indent}{test_name(first.name)}: {message}")
            places = work_in(failed, where)
            for number, place in enumerate(places[:MAX_PLACES]):
                out.append(f"{indent}{'Work in: ' if number == 0 else ' ' * 9}{place}")
            if len(failed) > 1:
                out.append(f"{indent}(and {len(failed) - 1} more failing test(s) in this task)")
            info = tasks.get(score.number) if score.number is not None else None
            out += hint_lines(info, hint_level, indent)
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


def more_hints(
    scores: list[results.TaskScore], tasks: dict[int, hints.TaskInfo], level: int
) -> int:
    """How many failing tasks have hint tiers beyond ``level``."""
    return sum(
        1 for s in scores
        if s.failures and s.number in tasks and len(tasks[s.number].levels) > level
    )  # fmt: skip


def run_starter(
    root: Path,
    folder: str,
    *,
    task: int | None = None,
    time_limit: float = 300,
    test_timeout: float | None = 30,
    report_file: Path | None = None,
    suite: str = "project",
) -> runner.RunOutcome:
    """The week's ``suite`` tests (only task ``task``'s, if given) against the student's starter."""
    targets = [f"{folder}/tests/{suite}"]
    return runner.run_tests(
        root,
        targets,
        impl="starter",
        time_limit=time_limit,
        test_timeout=test_timeout,
        report_file=report_file,
        env={"PYTHONPATH": str(root / folder / "src")},  # also in a checkout not yet synced
        extra_args=[*batch.lean_args(root, targets), *(["--task", str(task)] if task else [])],
    )


def check_week(
    root: Path,
    week: str,
    *,
    time_limit: float = 300,
    test_timeout: float | None = 30,
    task: int | None = None,
    hint_level: int = 1,
    suite: str = "project",
) -> tuple[int, str]:
    """Run the week's project tests against ``starter``; return (exit code, the summary text).

    ``task``: only that task's tests (seconds instead of the whole suite). ``hint_level``: reveal
    hint tiers up to this one. A week that asks for tests of the student's own also gets their
    score against the planted bugs (``testkit.mutants``; whole-week checks only). The JSON report
    of a whole-week check is kept in ``.reports/<folder>-starter.json`` for ``testkit progress``;
    a one-task check keeps its own, ``<folder>-starter-task<N>.json``. ``suite="dsa"``: the
    week's DSA problems instead (``<folder>-dsa-starter.json``).
    """
    folder = paths.week_folder(week)
    kind = SUITES[suite]
    if not (root / folder / "tests" / suite).is_dir():
        what = "project tests" if suite == "project" else "DSA problems"
        return 2, f"{folder} has no {what} in this checkout."
    tasks = hints.load(_hints_dir(root, folder, suite))
    kept = report.report_dir(root) / f"{kind.report_name(folder, task)}.json"
    outcome = run_starter(root, folder, task=task, time_limit=time_limit,
                          test_timeout=test_timeout, report_file=kept, suite=suite)  # fmt: skip
    if task is not None and outcome.exit_code == NO_TESTS_RAN:
        return 2, f"{folder} has no tests marked as {kind.unit.lower()} {task}."
    tests = results.from_report(outcome.report) if outcome.report else []
    scores = results.by_task(tests, tasks)
    text = render(folder, scores, outcome, tasks, hint_level=hint_level, suite=kind)
    ok = outcome.reason() is None and bool(scores) and all(s.passed for s in scores)
    if task is None and suite == "project" and mutant_score.has_student_tests(root, folder):
        mine = mutant_score.score_student_tests(root, folder)
        text += "\n\n" + mutant_score.render(mine, folder)
    command = kind.command.format(week=week)
    footer = []
    if more := more_hints(scores, tasks, hint_level):
        unit = "task" if suite == "project" else "problem"
        footer.append(f"More hints for {more} {unit}(s): {command} HINT={hint_level + 1}")
    if task is None and len(scores) > 1 and not ok:
        first = next(s for s in scores if not s.passed)
        if first.number is not None:
            footer.append(
                f"Only one {kind.unit.lower()}, in seconds: {command} TASK={first.number}"
            )
    if suite == "project" and (root / folder / "tests" / "dsa").is_dir():
        footer.append(f"This week's DSA problems (points of their own): make dsa {week}")
    if footer:
        text += "\n\n" + "\n".join(footer)
    return (0 if ok else 1), text


def _hints_dir(root: Path, folder: str, suite: str) -> Path:
    """Where the suite's ``hints.md`` is: the week folder, or its DSA folder."""
    if suite == "dsa":
        return paths.dsa_dir(root, folder) or root / folder
    return root / folder

"""``testkit verify-week N``: the two-sided verification of one week, and what students rely on.

- the starter is in sync with the solution (``testkit starters --check``);
- the starter collects cleanly and fails its project tests only with ``NotImplementedError`` or
  assertions (so every marked block is tested, and nothing crashes at import); the same for the
  week's DSA problems (``tests/dsa/`` against ``dsa/starter``);
- every test file run alone behaves as in the full run, for the starter and a finished starter
  (``testkit.alone``);
- the week's mutants apply and are killed by the reference tests; the reference passes the
  student example test (``testkit.mutants.verify``);
- the commands of the README's "How to work" section work as written (``testkit.readme_check``);
- the syllabus map is complete (reported, not failed, while ``[tool.course] status`` is not
  ``done``);
- the student share (``testkit.share``) is reported, and fails a week with ``[tool.course]
  share_gate = true`` below the goal.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from testkit import alone, batch, paths, readme_check, share, starters, syllabus
from testkit.grading import runner
from testkit.mutants import verify as mutants

Log = Callable[[str], None]


def starter_failures(folder: str, outcome: runner.RunOutcome, suite: str = "project") -> list[str]:
    """What is wrong with how the starter failed its ``suite`` tests (empty when all is well)."""
    if outcome.exit_code not in (0, 1) or outcome.report is None:
        return [f"starter run ended with pytest exit code {outcome.exit_code}: {outcome.reason()}"]
    if outcome.report["message"]:
        return [f"starter does not collect cleanly: {outcome.report['message']}"]
    failed = [t for t in outcome.report["tests"] if t["status"] in ("fail", "error")]
    if not failed:
        return [f"the starter passes every {suite} test: no marked code is tested"]
    return [
        f"{t['name']}: fails with something other than NotImplementedError or an assertion: {t['message']}"
        for t in failed
        if alone.outcome_class(t) != "expected failure"
    ]


def _has_starter(pairs: list[starters.Pair], suite: str) -> bool:
    """Whether the test folder ``suite`` has a generated starter to run against."""
    return any(pair.package.endswith(".dsa") == (suite == "dsa") for pair in pairs)


def share_problems(root: Path, folder: str, log: Log) -> list[str]:
    if not share.solution(root, folder).is_dir():
        return []
    measured = share.measure(root, folder)
    gate = share.gated(root, folder)
    log(
        measured.line()
        + ("" if gate else " [gate off: `share_gate = true` under [tool.course] turns it on]")
    )
    if gate and measured.percent < share.GOAL:
        return [f"student share {math.floor(measured.percent)}% is below the goal of {share.GOAL}%"]
    return []


def _test_runs(
    root: Path, folder: str, pairs: list[starters.Pair], log: Log, alone_check: bool,
    services: dict[str, str],
) -> list[str]:  # fmt: skip
    """The checks that run the week's tests: files alone, the README's commands, the mutants."""
    problems: list[str] = []
    graded = [suite for suite in alone.suites(root, folder) if _has_starter(pairs, suite)]
    if graded:
        if alone_check:
            found = alone.check(root, folder, services=services)
            full_runs = found.full_runs
            log(f"{folder}: {found.sessions} test sessions: every test file alone, per "
                "implementation" + ("" if found.problems else ", behaves as in the full run"))  # fmt: skip
            problems += found.problems
        else:
            full_runs = {
                suite: runner.run_tests(
                    root, [f"{folder}/tests/{suite}"], impl="starter", test_timeout=None,
                    extra_args=["--tb=no", "--no-cov"], env=services,
                )
                for suite in graded
            }  # fmt: skip
        for suite, outcome in full_runs.items():
            failures = starter_failures(folder, outcome, suite)
            if not failures:
                log(f"{folder}: the starter fails its {suite} tests, as it should "
                    "(marked code is tested)")  # fmt: skip
            problems += failures
    if alone_check and (root / folder / "README.md").is_file():
        count, readme_problems = readme_check.check(root, folder, services)
        log(f"{folder}: the README's {count} student command(s) run as written"
            + ("" if readme_problems else ", and work"))  # fmt: skip
        problems += readme_problems
    notes, mutant_problems = mutants.check(root, folder, services=services)
    for note in notes:
        log(f"{folder}: {note}")
    problems += mutant_problems
    return problems


def verify_week(root: Path, week: str, log: Log = print, *, alone_check: bool = True) -> bool:
    """Run every check of one week, logging as it goes; True when the week is verified.

    ``alone_check`` False (``--quick``) skips the slow parts: each test file alone, and the
    README's commands."""
    folder = paths.week_folder(week)
    status = paths.course_info(root, folder).get("status", "in progress")
    pairs = starters.find_pairs(root, [folder])
    problems = [p for pair in pairs for p in starters.drift(pair)]
    total, missing = syllabus.problems(root, folder)
    report_only = status != "done"
    log(f"{folder} ({status}): syllabus map {total - len(missing)}/{total}")
    for line in missing:
        log(f"  {'note' if report_only else 'missing'}: {line}")
    problems += share_problems(root, folder, log)
    # One PostgreSQL and Redis for every test session below (each still gets a database of its
    # own): the files alone, the README's commands and the mutants, not a server per session.
    with batch.shared_services(root, [f"{folder}/tests"]) as services:
        problems += _test_runs(root, folder, pairs, log, alone_check, services)
    for problem in problems:
        log(f"  FAIL: {problem}")
    ok = not problems and (report_only or not missing)
    log(f"{folder}: {'verified' if ok else 'NOT verified'}")
    return ok

"""Every test file of a week, run alone, behaves as it does in the full run, for either implementation.

A student runs one file (``uv run pytest week06/tests/project/test_repositories.py --impl
starter``); a file that passes only because another file imported something first sends them
debugging correct code. The check runs each test file in a session of its own:

- project test files against the **starter**: each test ends as in the full starter run (passes,
  fails for the expected reason - a TODO or an assertion - or errors the same way);
- project test files against a **finished starter** (the solution copied under the starter's
  name: what a student who has done every task has, see ``testkit.shadow``) and every other test
  file (lectures): every test passes, as the full solution run does.

The week's DSA problems (``tests/dsa/`` against ``src/<package>/dsa/starter``) are checked the
same way as its project, with a full starter run of their own.

Sessions are cheap (``testkit.batch``): one server for all, a warm parent that forks them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from testkit import batch, shadow
from testkit.grading import runner

# What a starter may fail with: its TODOs and assertions. Schemathesis reports broken contract
# checks as a FailureGroup, a group of AssertionErrors.
EXPECTED_FAILURES = (
    "NotImplementedError",
    "AssertionError",
    "assert ",
    "Failed: ",
    "FailureGroup: ",
)


def outcome_class(test: dict[str, Any]) -> str:
    """pass, skip, "expected failure" (a TODO or an assertion) or the failure's first line."""
    if test["status"] in ("pass", "skip"):
        return str(test["status"])
    message = str(test.get("message") or "")
    if any(kind in message for kind in EXPECTED_FAILURES):
        return "expected failure"
    return message.splitlines()[0][:160] if message else test["status"]


@dataclass
class FileRun:
    file: str
    impl: str  # "starter", "finished starter" or "solution"
    outcome: runner.RunOutcome


GRADED = ("project", "dsa")  # test folders that run against the starter; the rest, the solution


def test_files(root: Path, folder: str) -> tuple[list[str], list[str]]:
    """(graded test files: project and DSA, other test files) of a week, relative to ``root``."""
    tests = root / folder / "tests"
    found = sorted(str(p.relative_to(root)) for p in tests.rglob("test_*.py"))
    graded = [f for f in found if any(f.startswith(f"{folder}/tests/{s}/") for s in GRADED)]
    return graded, [f for f in found if f not in graded]


def suites(root: Path, folder: str) -> list[str]:
    """The graded test folders the week has: ``project``, ``dsa``, both or neither."""
    return [s for s in GRADED if (root / folder / "tests" / s).is_dir()]


def _results(outcome: runner.RunOutcome) -> dict[str, dict[str, Any]] | str:
    """The tests of a run by name, or why there are none."""
    if (reason := outcome.reason()) or outcome.report is None:
        return reason or "no report"
    return {str(t["name"]): t for t in outcome.report["tests"]}


def compare(run: FileRun, full: dict[str, dict[str, Any]] | None) -> list[str]:
    """What differs between a file's tests alone and the same tests in the full run.

    ``full`` None: every test must pass (the solution's full run passes everything).
    """
    alone = _results(run.outcome)
    label = f"{run.file} alone ({run.impl})"
    if isinstance(alone, str):
        return [f"{label}: {alone}"]
    if not alone:
        return [f"{label}: no test ran (exit code {run.outcome.exit_code})"]
    problems = []
    expected = {n: t for n, t in (full or {}).items() if n.split("::")[0] == run.file}
    if full is not None and set(alone) != set(expected):
        missing, extra = sorted(set(expected) - set(alone)), sorted(set(alone) - set(expected))
        problems.append(f"{label}: collects other tests than the full run "
                        f"(missing {missing[:3]}, extra {extra[:3]})")  # fmt: skip
    for name, test in alone.items():
        got = outcome_class(test)
        want = outcome_class(expected[name]) if full is not None and name in expected else "pass"
        if got != want and got != "skip":
            problems.append(f"{name} alone ({run.impl}): {got} (full run: {want})")
    return problems


@dataclass
class AloneCheck:
    sessions: int
    problems: list[str]
    full_runs: dict[str, runner.RunOutcome]  # each graded suite (project, dsa) against the starter

    @property
    def full_starter(self) -> runner.RunOutcome:
        """The whole project suite against the starter."""
        return self.full_runs["project"]


def check(
    root: Path, folder: str, *, parallel: int = 2, services: Mapping[str, str] | None = None
) -> AloneCheck:
    """Run every test file alone (and each graded suite once, against the starter); compare.

    ``services``: servers the caller started for several checks (``batch.shared_services``)."""
    graded, others = test_files(root, folder)
    package = shadow.package_dir(root, folder)
    present = suites(root, folder)
    targets = [f"{folder}/tests"]
    with shadow.shadow(package) as finished, batch.services_of(root, targets, services) as env:
        if (package / "solution").is_dir():
            finished.copy("solution", "starter", skip_stubs=True)
        if (package / "dsa" / "solution").is_dir():
            finished.copy("dsa.solution", "dsa.starter", skip_stubs=True)
        runs: list[tuple[str, str, dict[str, str]]] = [
            (f"{folder}/tests/{suite}", "starter", {}) for suite in present
        ]
        runs += [
            (file, impl, env)
            for file in graded
            for impl, env in (("starter", {}), ("finished starter", finished.env()))
        ]
        runs += [(file, "solution", {}) for file in others]
        jobs = [
            batch.Job([file], impl.split()[-1], env, batch.lean_args(root, [file]))
            for file, impl, env in runs
        ]
        outcomes = batch.run(root, jobs, parallel=parallel, services=env)
    full_runs = dict(zip(present, outcomes[: len(present)], strict=True))
    fulls: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for suite, outcome in full_runs.items():
        found = _results(outcome)
        if isinstance(found, str):
            problems.append(f"the full starter run of tests/{suite} failed: {found}")
        else:
            fulls.update(found)
    if problems:
        return AloneCheck(len(jobs), problems, full_runs)
    for (file, impl, _), outcome in zip(
        runs[len(present) :], outcomes[len(present) :], strict=True
    ):
        problems += compare(FileRun(file, impl, outcome), fulls if impl == "starter" else None)
    return AloneCheck(len(jobs), problems, full_runs)

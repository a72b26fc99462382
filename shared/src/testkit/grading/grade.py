"""``testkit grade N --branch B ...``: grade students' branches with the grader's official tests.

For each branch: a temporary git worktree; the tamper check; the grader's tests (and hidden tests)
put in place of the branch's; the project tests against ``starter`` under a time limit; the API
contract diff and the migrations check where the week has them. The reference solution runs once
with the same tests to know every test and its points, so a branch that crashes still gets a line
(and zero) for each test. Writes ``<out>/<branch>/results.json`` and ``report.md``, and for several
branches ``<out>/matrix.csv`` and ``matrix.md``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from testkit import paths
from testkit.grading import (
    hints,
    markdown,
    matrix,
    migrations,
    openapi_diff,
    results,
    runner,
    tamper,
)
from testkit.grading.branch import BranchResult
from testkit.grading.worktree import (
    GitError,
    checkout,
    copy_reference,
    put_official_files,
    resolve,
    safe_name,
)
from testkit.services.errors import ServiceUnavailable
from testkit.services.postgres import ThrowawayPostgres

Log = Callable[[str], None]
# The reference solution is the instructor's: a student's short time limit must not cut it off.
REFERENCE_MIN_LIMIT = 120


@dataclass
class GradeOptions:
    week: str
    out_dir: Path | None = None  # default: <root>/.reports/grading/<folder>
    hidden: Path | None = None
    time_limit: float = 300  # seconds for a whole branch's test run
    test_timeout: float | None = 10  # seconds for one test (pytest-timeout)
    jobs: int = 2
    migration_command: Sequence[str] = migrations.ALEMBIC


@dataclass
class Reference:
    """The reference solution's run: every official test, and the API document."""

    tests: list[results.TestOutcome] = field(default_factory=list)
    problem: str | None = None
    openapi: dict[str, object] | None = None
    openapi_error: str | None = None


@dataclass
class Session:
    root: Path
    folder: str
    options: GradeOptions
    work: Path
    database_server: str | None = None

    @property
    def hidden_prefix(self) -> str:
        return f"{self.folder}/tests/hidden/"

    @property
    def targets(self) -> list[str]:
        found = [f"{self.folder}/tests/project"]
        return found + ([f"{self.folder}/tests/hidden"] if self.options.hidden else [])

    def env(self, tree: Path) -> dict[str, str]:
        env = {"PYTHONPATH": str(tree / self.folder / "src")}
        if self.database_server:
            env["TEST_DATABASE_URL"] = self.database_server  # one server, a database per run
        return env

    def run(self, tree: Path, impl: str) -> runner.RunOutcome:
        limit = self.options.time_limit
        return runner.run_tests(
            tree, self.targets, impl=impl,
            time_limit=max(limit, REFERENCE_MIN_LIMIT) if impl == "solution" else limit,
            test_timeout=self.options.test_timeout, env=self.env(tree),
            extra_args=[f"--confcutdir={tree / self.folder / 'tests'}"],
        )  # fmt: skip


def run_reference(session: Session) -> Reference:
    tree = copy_reference(session.root, session.folder, session.work, session.options.hidden)
    outcome = session.run(tree, "solution")
    reference = Reference()
    if outcome.report is not None:
        reference.tests = results.from_report(outcome.report, session.hidden_prefix)
    failing = [t.name for t in reference.tests if t.status in ("fail", "error")]
    if reason := outcome.reason():
        reference.problem = f"the reference solution could not be tested: {reason}"
    elif failing:
        reference.problem = (
            f"the reference solution fails {len(failing)} test(s), e.g. {failing[0]}"
        )
    if openapi_diff.has_app(tree, session.folder):
        try:
            reference.openapi = openapi_diff.load(tree, session.folder, "solution")
        except openapi_diff.ContractError as exc:
            reference.openapi_error = str(exc)
    return reference


def merge(
    reference: list[results.TestOutcome], got: list[results.TestOutcome], reason: str | None
) -> list[results.TestOutcome]:
    """Every official test once: the branch's result, or an error (``reason``) if it never ran."""
    by_name: dict[str, results.TestOutcome | None] = {t.name: t for t in got}
    merged = [
        by_name.pop(ref.name, None)
        or results.TestOutcome(ref.name, "error", reason or "did not run", ref.task, ref.points, hidden=ref.hidden)
        for ref in reference
    ]  # fmt: skip
    return merged + [t for t in by_name.values() if t is not None]


def grade_tree(
    session: Session, result: BranchResult, tree: Path, reference: Future[Reference]
) -> None:
    folder = session.folder
    result.tamper = tamper.check(session.root, tree, folder)
    put_official_files(session.root, tree, folder, session.options.hidden)
    outcome = session.run(tree, "starter")
    got = results.from_report(outcome.report, session.hidden_prefix) if outcome.report else []
    result.reason, result.timed_out = outcome.reason(), outcome.timed_out
    if openapi_diff.has_app(session.root, folder):
        try:
            branch_doc = openapi_diff.load(tree, folder, "starter")
            ref = reference.result()
            if ref.openapi is None:
                result.api_error = (
                    ref.openapi_error or "the reference solution has no OpenAPI document"
                )
            else:
                result.api_differences = openapi_diff.diff(ref.openapi, branch_doc)
        except openapi_diff.ContractError as exc:
            result.api_error = str(exc)
    if migrations.has_migrations(session.root, folder):
        if session.database_server is None:
            result.migrations = migrations.MigrationCheck(
                message="no PostgreSQL server", service_unavailable=True
            )
        else:
            result.migrations = migrations.check(
                tree, folder, session.database_server, command=session.options.migration_command
            )
    result.tests = merge(reference.result().tests, got, result.reason)


def grade_branch(session: Session, branch: str, reference: Future[Reference]) -> BranchResult:
    started = time.monotonic()
    result = BranchResult(
        session.folder, branch, None, tasks=hints.load(session.root / session.folder)
    )
    try:
        result.commit = resolve(session.root, branch)
        with checkout(session.root, result.commit, session.work) as tree:
            grade_tree(session, result, tree, reference)
    except GitError as exc:
        result.reason = str(exc)
        result.tests = merge(reference.result().tests, [], result.reason)
    except Exception as exc:  # one broken branch must not stop the others
        result.reason = f"grading crashed: {type(exc).__name__}: {exc}"
        result.tests = merge(reference.result().tests, result.tests, result.reason)
    result.duration = time.monotonic() - started
    return result


@contextlib.contextmanager
def database_server(root: Path, folder: str, log: Log) -> Iterator[str | None]:
    """A PostgreSQL server for the migrations check (and test runs) when the week has Alembic."""
    if env := os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL"):
        yield env
        return
    if not migrations.has_migrations(root, folder):
        yield None
        return
    try:
        server = ThrowawayPostgres()
    except ServiceUnavailable as exc:
        log(f"warning: migrations will not be checked: {exc}")
        yield None
        return
    try:
        yield server.url()
    finally:
        server.close()


def write(result: BranchResult, out_dir: Path) -> Path:
    folder = out_dir / safe_name(result.branch)
    result.write_json(folder / "results.json")
    (folder / "report.md").write_text(markdown.render(result), encoding="utf-8")
    return folder


def summary(result: BranchResult) -> str:
    """``alice/week03: 7/9`` with what a grader must look at: ``(TAMPERING FLAGGED)``, a reason."""
    earned, possible = result.points()
    notes = [result.reason] if result.reason else []
    notes += ["TAMPERING FLAGGED"] if result.tampered else []
    points = f"{result.branch}: {results.fmt(earned)}/{results.fmt(possible)}"
    return points + (f"  ({'; '.join(notes)})" if notes else "")


def grade(
    root: Path, branches: Sequence[str], options: GradeOptions, log: Log = print
) -> list[BranchResult]:
    """Grade ``branches`` of the week; write the reports; return the results in branch order."""
    folder = paths.week_folder(options.week)
    if not (root / folder / "tests" / "project").is_dir():
        raise ValueError(f"{folder} has no project tests in {root}")
    if options.hidden is not None and not options.hidden.exists():
        raise ValueError(f"hidden tests not found: {options.hidden}")
    out_dir = options.out_dir or root / ".reports" / "grading" / folder
    with (
        tempfile.TemporaryDirectory(prefix="testkit-grade-") as tmp,
        database_server(root, folder, log) as db,
    ):
        session = Session(root, folder, options, Path(tmp), db)
        with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            reference = pool.submit(run_reference, session)
            futures = [pool.submit(grade_branch, session, b, reference) for b in branches]
            graded = [f.result() for f in futures]
            if problem := reference.result().problem:
                log(f"warning: {problem}")
    for result in graded:
        written = write(result, out_dir)
        log(f"{summary(result)}  -> {written / 'report.md'}")
    if len(graded) > 1:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "matrix.csv").write_text(matrix.to_csv(graded), encoding="utf-8")
        (out_dir / "matrix.md").write_text(matrix.to_markdown(graded), encoding="utf-8")
        log(f"matrix: {out_dir / 'matrix.md'} and matrix.csv")
    return graded


def read_branches(names: Sequence[str], file: Path | None) -> list[str]:
    """Branch names from arguments (each may hold several, space separated) and a file."""
    found = [part for name in names for part in name.split()]
    if file is not None:
        lines = file.read_text(encoding="utf-8").splitlines()
        found += [
            line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
        ]
    return list(dict.fromkeys(found))  # keep order, drop repeats

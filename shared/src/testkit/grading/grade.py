"""``testkit grade N --branch B ...``: grade students' branches with the grader's official tests.

For each branch: a temporary git worktree; the tamper check and the cheat signals (``signals``);
the branch's own tests (``tests/student/``) kept aside; the grader's tests (and hidden tests) put
in place of the branch's, the solution aliased to the branch's starter and modules that would
shadow installed ones deleted (``worktree.prepare``); the project tests against ``starter`` in the
sandbox (``testrun``), their results read live; the API contract diff and the migrations check
where the week has them, also in the sandbox; where the week has mutants, the branch's own tests
against the reference solution and each planted bug, each run in a sandbox of its own
(``student_tests``). The reference
solution runs once with the same tests to know every test, its task and its points, so a branch
that crashes still gets a line (and zero) for each test, and a branch cannot add tests or points.
At the end, every pair of branches (and the reference) gets a similarity score. Only then, with
every sandbox gone, are ``<out>/<branch>/results.json`` and ``report.md`` (and for several branches
``<out>/matrix.csv``, ``matrix.md`` and ``similarity.csv``) written, from the same results the
console lines are printed from.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from testkit import paths
from testkit.grading import (
    hints,
    markdown,
    matrix,
    migrations,
    openapi_diff,
    results,
    signals,
    similarity,
    student_tests,
    tamper,
    testrun,
)
from testkit.grading.branch import BranchResult
from testkit.grading.sandbox import Limits, Sandbox, default_kind
from testkit.grading.signals import Signal
from testkit.grading.tamper import tracked_files
from testkit.grading.worktree import (
    GitError,
    checkout,
    copy_reference,
    keep_student_tests,
    prepare,
    resolve,
    safe_name,
)

Log = Callable[[str], None]
# The reference solution is the instructor's: a student's short time limit must not cut it off.
REFERENCE_MIN_LIMIT = 120
REFERENCE_NAME = "(reference solution)"


@dataclass
class GradeOptions:
    week: str
    out_dir: Path | None = None  # default: <root>/.reports/grading/<folder>
    hidden: Path | None = None
    time_limit: float = 300  # seconds for a whole branch's test run
    test_timeout: float | None = 10  # seconds for one test (pytest-timeout; the grader's at 1.5x+5)
    jobs: int = 2
    sandbox: str = field(default_factory=default_kind)  # bubblewrap | none
    limits: Limits = field(default_factory=Limits)


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
    sandbox: Sandbox
    taught: set[str] = field(default_factory=set)  # signal keys the week's own code uses
    taught_in_tests: set[str] = field(default_factory=set)  # ... and its own tests
    given: set[int] = field(default_factory=set)  # fingerprints of the given starter
    student: student_tests.Setup | None = None  # None: the week has no mutants

    @property
    def hidden_prefix(self) -> str:
        return f"{self.folder}/tests/hidden/"

    @property
    def targets(self) -> list[str]:
        found = [f"{self.folder}/tests/project"]
        return found + ([f"{self.folder}/tests/hidden"] if self.options.hidden else [])

    def run(self, tree: Path, impl: str) -> testrun.RunResult:
        limit = self.options.time_limit
        return testrun.GradedRun(
            self.sandbox, tree, self.folder, self.targets, impl,
            time_limit=max(limit, REFERENCE_MIN_LIMIT) if impl == "solution" else limit,
            test_timeout=self.options.test_timeout, canary="" if impl == "solution" else None,
        ).run()  # fmt: skip

    def fingerprints(self, tree: Path) -> set[int]:
        """Fingerprints of the week's code the branch in ``tree`` changed, given code aside."""
        solution = f"{self.folder}/src/{self.folder}/solution/"
        names = signals.changed_files(self.root, tree, f"{self.folder}/src")
        chosen = [n for n in names if n.endswith(".py") and not n.startswith(solution)]
        return similarity.of_files(tree / n for n in chosen) - self.given

    def python_files(self, part: str) -> list[Path]:
        """The grader's ``<folder>/src/<folder>/<part>`` Python files."""
        names = tracked_files(self.root, f"{self.folder}/src/{self.folder}/{part}")
        return [self.root / n for n in names if n.endswith(".py")]


def run_reference(session: Session) -> Reference:
    tree = copy_reference(session.root, session.folder, session.work, session.options.hidden)
    run = session.run(tree, "solution")
    reference = Reference(
        tests=[replace(t, hidden=t.name.startswith(session.hidden_prefix)) for t in run.tests]
    )
    failing = [t.name for t in reference.tests if t.status in ("fail", "error")]
    if run.reason:
        reference.problem = f"the reference solution could not be tested: {run.reason}"
    elif failing:
        reference.problem = (
            f"the reference solution fails {len(failing)} test(s), e.g. {failing[0]}"
        )
    if openapi_diff.has_app(tree, session.folder):
        try:
            reference.openapi = openapi_diff.load(tree, session.folder, "solution", session.sandbox)
        except openapi_diff.ContractError as exc:
            reference.openapi_error = str(exc)
    return reference


def merge(
    reference: list[results.TestOutcome], got: list[results.TestOutcome], reason: str | None
) -> tuple[list[results.TestOutcome], list[str]]:
    """Every official test once, with the reference's task and points and the branch's result
    (an error with ``reason`` if it never ran); and the names of tests the grader does not know."""
    by_name = {t.name: t for t in got}
    merged = []
    for ref in reference:
        mine = by_name.pop(ref.name, None)
        if mine is None:
            merged.append(replace(ref, status="error", message=reason or "did not run",
                                  duration=0.0, service_unavailable=False, timed_out=False))  # fmt: skip
        else:
            merged.append(replace(ref, status=mine.status, message=mine.message,
                                  duration=mine.duration, timed_out=mine.timed_out,
                                  service_unavailable=mine.service_unavailable))  # fmt: skip
    return merged, list(by_name)


def grade_tree(
    session: Session, result: BranchResult, tree: Path, reference: Future[Reference]
) -> None:
    folder = session.folder
    result.tamper = tamper.check(session.root, tree, folder)
    result.review = signals.scan(
        session.root, tree, folder, session.taught, session.taught_in_tests
    )
    result.fingerprints = session.fingerprints(tree)
    shadows = [path for path, _ in signals.shadowing(session.root, tree, folder)]
    mine = keep_student_tests(tree, folder, tree.parent / f"{tree.name}-student")
    try:
        prepare(session.root, tree, folder, session.options.hidden, shadows)
        grade_project(session, result, tree, reference)
        if session.student is not None:
            grade_student_tests(session.student, result, mine, tree)
    finally:
        shutil.rmtree(mine, ignore_errors=True)


def grade_student_tests(
    setup: student_tests.Setup, result: BranchResult, mine: Path, tree: Path
) -> None:
    """The branch's own tests against the planted bugs (after the project run: they use its
    tree for the run on the branch's starter)."""
    try:
        result.student_tests = student_tests.grade(setup, mine, tree)
    except Exception as exc:  # the project's points stand; this part says what broke
        result.student_tests = unscored(setup, f"grading crashed: {type(exc).__name__}: {exc}")
    result.review += [Signal("run", "", line) for line in result.student_tests.review]


def unscored(setup: student_tests.Setup, problem: str) -> student_tests.StudentTests:
    """A branch whose own tests were not graded: 0 of every planted bug, with the reason."""
    weight = student_tests.points_per_mutant(setup.root, setup.folder)
    found = student_tests.StudentTests(setup.folder, weight=weight, problem=problem)
    found.mutants, _ = student_tests.load_mutants(setup)
    return found


def grade_project(
    session: Session, result: BranchResult, tree: Path, reference: Future[Reference]
) -> None:
    """The official tests against the branch's starter, the API contract and the migrations."""
    folder, sandbox = session.folder, session.sandbox
    run = session.run(tree, "starter")
    result.reason, result.timed_out = run.reason, run.timed_out
    result.review += [Signal("run", "", problem) for problem in run.problems]
    if openapi_diff.has_app(session.root, folder):
        try:
            branch_doc = openapi_diff.load(tree, folder, "starter", sandbox)
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
        result.migrations = migrations.in_sandbox(tree, folder, sandbox)
    result.tests, unknown = merge(reference.result().tests, run.tests, result.reason)
    if unknown:
        result.review.append(Signal(
            "run", "", f"the run reported {len(unknown)} test(s) the grader does not know "
            f"(not scored), e.g. {unknown[0]}",
        ))  # fmt: skip


def grade_branch(session: Session, branch: str, reference: Future[Reference]) -> BranchResult:
    started = time.monotonic()
    result = BranchResult(
        session.folder, branch, None, tasks=hints.load(session.root / session.folder),
        sandbox=session.sandbox.kind, sandbox_description=session.sandbox.description,
        warning=session.sandbox.warning,
    )  # fmt: skip
    try:
        result.commit = resolve(session.root, branch)
        with checkout(session.root, result.commit, session.work) as tree:
            grade_tree(session, result, tree, reference)
    except GitError as exc:
        result.reason = str(exc)
        result.tests, _ = merge(reference.result().tests, [], result.reason)
    except Exception as exc:  # one broken branch must not stop the others
        result.reason = f"grading crashed: {type(exc).__name__}: {exc}"
        result.tests, _ = merge(reference.result().tests, [], result.reason)
    if session.student is not None and result.student_tests is None:
        result.student_tests = unscored(session.student, result.reason or "not graded")
    result.duration = time.monotonic() - started
    return result


def compare(graded: list[BranchResult], reference: set[int]) -> dict[tuple[str, str], float]:
    """Similarity of every pair of branches and of each branch to the reference solution;
    ``similarity.suspicious`` pairs are flagged for review on both sides."""
    prints = {r.branch: r.fingerprints for r in graded if r.commit is not None}
    prints[REFERENCE_NAME] = reference
    scores = similarity.pairs(prints)
    table = similarity.per_branch(scores, list(prints))
    for result in graded:
        result.similarity = table.get(result.branch, {})
        for other, score in result.similarity.items():
            if similarity.suspicious(result.fingerprints, prints[other]):
                result.review.append(Signal(
                    "similarity", "", f"{score:.0%} of the smaller code's fingerprints match {other}"
                ))  # fmt: skip
    return scores


def write(result: BranchResult, out_dir: Path) -> Path:
    folder = out_dir / safe_name(result.branch)
    result.write_json(folder / "results.json")
    (folder / "report.md").write_text(markdown.render(result), encoding="utf-8")
    return folder


def summary(result: BranchResult) -> str:
    """``alice/week03: 10/13`` (the total) and what a grader must look at: the student tests'
    share, a reason, tampering, review, sandbox."""
    earned, possible = result.total_points()
    notes = []
    if result.student_tests is not None:
        mine, planted = result.student_points()
        notes.append(f"own tests {results.fmt(mine)}/{results.fmt(planted)}")
    notes += [result.reason] if result.reason else []
    notes += ["TAMPERING FLAGGED"] if result.tampered else []
    notes += [f"REVIEW: {len(result.review)} signal(s)"] if result.review else []
    notes += ["NO SANDBOX"] if result.warning else []
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
    out_dir = (options.out_dir or root / ".reports" / "grading" / folder).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="testkit-grade-") as tmp:
        work = Path(tmp)
        hide = [root, out_dir, Path.home(), *([options.hidden] if options.hidden else [])]
        sandbox = Sandbox.create(
            options.sandbox, work / "sandbox", hide=hide, limits=options.limits
        )
        if sandbox.warning:
            log(f"warning: {sandbox.warning}")
        session = Session(root, folder, options, work, sandbox, signals.taught(root, folder),
                          signals.taught_in_tests(root, folder))  # fmt: skip
        if student_tests.wanted(root, folder):
            student_tests.points_per_mutant(root, folder)  # a bad setting stops grading first
            session.student = student_tests.Setup(
                root, folder, sandbox, work, options.hidden, options.time_limit,
                options.test_timeout, options.jobs,
            )  # fmt: skip
        session.given = similarity.of_files(session.python_files("starter"))
        reference_prints = similarity.of_files(session.python_files("solution")) - session.given
        with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            reference = pool.submit(run_reference, session)
            futures = [pool.submit(grade_branch, session, b, reference) for b in branches]
            graded = [f.result() for f in futures]
            if problem := reference.result().problem:
                log(f"warning: {problem}")
    scores = compare(graded, reference_prints)
    # Every sandbox is gone: nothing of the students' can touch what is written from here on.
    for result in graded:
        written = write(result, out_dir)
        log(f"{summary(result)}  -> {written / 'report.md'}")
    if len(graded) > 1:
        (out_dir / "matrix.csv").write_text(matrix.to_csv(graded), encoding="utf-8")
        (out_dir / "matrix.md").write_text(matrix.to_markdown(graded, scores), encoding="utf-8")
        (out_dir / "similarity.csv").write_text(matrix.similarity_csv(scores), encoding="utf-8")
        log(f"matrix: {out_dir / 'matrix.md'}, matrix.csv and similarity.csv")
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

"""Score a student's tests: pass on the reference, then catch as many planted bugs as they can.

    from testkit.mutants.score import score_student_tests
    result = score_student_tests(root, "week03")            # the student's own checkout
    result = score_student_tests(root, "week03", student_root=worktree,
                                 mutant_dirs=[root / "week03/mutants", hidden / "mutants"])

``root`` is the checkout the reference solution and the mutants come from (the grader's);
``student_root`` the tree holding the student's ``tests/student`` and ``starter/`` (default: the
same). Every test session runs in ``student_root``; the reference solution and each mutant come in
through a shadow of ``root``'s week package (``testkit.shadow``), selected with ``--impl
solution``, so a student's edits to their own copy of the solution change nothing.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from testkit import batch, paths, shadow
from testkit.grading import runner
from testkit.mutants import patch

COVERAGE_GOAL = 80
NO_TESTS = 5  # pytest's exit code when nothing was collected


@dataclass
class MutantResult:
    name: str
    category: str
    hint: str
    killed: bool
    problem: str | None = None  # the mutant could not be tried (it does not apply, ...)
    hidden: bool = False  # a grader's hidden mutant (grading only)


@dataclass
class StudentTestScore:
    week: str
    tests: int = 0  # the student's tests collected
    on_solution: str | None = None  # None: all pass on the reference; else the first failure
    on_starter: str | None = None  # None: all pass on the student's code; else the first failure
    coverage: float | None = None  # % of the student's starter covered by their tests
    mutants: list[MutantResult] = field(default_factory=list)
    problem: str | None = None  # why the mutants were not tried

    @property
    def caught(self) -> int:
        return sum(m.killed for m in self.mutants)

    @property
    def planted(self) -> int:
        return len(self.mutants)

    def missed_hints(self) -> dict[str, str]:
        """One hint per category of the bugs the tests missed (never the bug itself)."""
        return {m.category: m.hint for m in self.mutants if not m.killed and m.problem is None}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["caught"], data["planted"] = self.caught, self.planted
        return data


def tests_dir(root: Path, folder: str) -> Path:
    return root / folder / "tests" / "student"


def mutants_dir(root: Path, folder: str) -> Path:
    return root / folder / "mutants"


def has_student_tests(root: Path, folder: str) -> bool:
    """Whether the week asks for student tests (it has tests/student or mutants)."""
    return tests_dir(root, folder).is_dir() or mutants_dir(root, folder).is_dir()


def first_failure(outcome: runner.RunOutcome) -> str | None:
    """None when every test passed, else the first failing test and why, in one line."""
    if reason := outcome.reason():
        return reason
    report = outcome.report or {}
    for test in report.get("tests", []):
        if test["status"] in ("fail", "error"):
            message = str(test.get("message") or "").splitlines()
            return f"{test['name'].rsplit('::', 1)[-1]}: {message[0] if message else 'failed'}"
    return None


def _coverage(path: Path) -> float | None:
    try:
        totals = json.loads(path.read_text(encoding="utf-8"))["totals"]
    except (OSError, ValueError, KeyError):
        return None
    return float(totals["percent_covered"])


def score_student_tests(
    root: Path,
    week: str,
    *,
    student_root: Path | None = None,
    mutant_dirs: Sequence[Path] | None = None,
    parallel: int = 2,
    time_limit: float = 120,
) -> StudentTestScore:
    """Run the student's tests on the reference, their starter and every mutant; score them."""
    folder = paths.week_folder(week)
    student_root = student_root or root
    found = patch.find(
        list(mutant_dirs) if mutant_dirs is not None else [mutants_dir(root, folder)]
    )
    score = StudentTestScore(folder)
    loaded: list[tuple[Path, patch.Mutant | None, str | None]] = []
    for path in found:
        try:
            loaded.append((path, patch.load(path), None))
        except patch.MutantError as exc:
            loaded.append((path, None, str(exc)))
    score.mutants = [
        MutantResult(m.name if m else p.stem, m.category if m else "?", m.hint if m else "",
                     killed=False, problem=problem)
        for p, m, problem in loaded
    ]  # fmt: skip
    tests = tests_dir(student_root, folder)
    target = str(tests.relative_to(student_root))
    if not tests.is_dir() or not any(tests.rglob("test_*.py")):
        score.problem = f"no tests in {target}/ yet: write some, then check again"
        return score
    package = shadow.package_dir(root, folder)
    student_src = {"PYTHONPATH": str(student_root / folder / "src")}
    lean = batch.lean_args(student_root, [target])
    with (
        tempfile.TemporaryDirectory(prefix="testkit-cov-") as tmp,
        shadow.shadow(package) as reference,
        batch.shared_services(student_root, [target]) as services,
    ):
        reference.copy("solution", "solution")
        cov = Path(tmp) / "coverage.json"
        starter_dir = student_root / folder / "src" / folder / "starter"
        jobs = [
            batch.Job([target], "solution", reference.env(), lean),
            batch.Job([target], "starter", {**student_src, "COVERAGE_FILE": f"{tmp}/.coverage"},
                      [*lean, f"--cov={starter_dir}", "--cov-branch", "--cov-report=",
                       f"--cov-report=json:{cov}"]),
        ]  # fmt: skip
        shadows = []
        for index, (_, mutant, problem) in enumerate(loaded):
            if mutant is None or problem:
                continue
            copy = shadow.Shadow(package, Path(tmp) / f"mutant{index}")
            try:
                patch.apply(mutant, copy.copy("solution", "solution"))
            except patch.MutantError as exc:
                score.mutants[index].problem = str(exc)
                continue
            shadows.append(index)
            jobs.append(batch.Job([target], "solution", copy.env(), [*lean, "-x"]))
        outcomes = batch.run(student_root, jobs, parallel=parallel, time_limit=time_limit,
                             services=services)  # fmt: skip
        score.coverage = _coverage(cov)
    on_solution, on_starter, *on_mutants = outcomes
    if on_solution.exit_code == NO_TESTS:
        score.problem = f"no tests in {target}/ yet: write some, then check again"
        return score
    score.tests = len((on_solution.report or {}).get("tests", []))
    score.on_solution = first_failure(on_solution)
    score.on_starter = first_failure(on_starter)
    if score.on_solution is not None:
        score.problem = "your tests fail on the reference solution, so a failure proves nothing"
        return score
    for index, outcome in zip(shadows, on_mutants, strict=True):
        score.mutants[index].killed = outcome.exit_code != 0 and first_failure(outcome) is not None
    return score


def render(score: StudentTestScore, folder: str) -> str:
    """The student's view: what their tests caught, hints for what they missed, their coverage."""
    where = f"{folder}/tests/student"
    lines = [f"Your tests ({where}, {score.tests} test(s)):"]
    if score.problem and score.tests == 0:
        lines += [f"  {score.problem}", f"  They caught 0 of {score.planted} planted bugs."]
        return "\n".join(lines)
    if score.on_solution:
        lines.append(f"  On the reference solution: {score.on_solution}")
    if score.problem:
        lines.append(f"  {score.problem}.")
    if score.on_starter:
        lines.append(f"  On your code: {score.on_starter} (fix the code, or the test)")
    elif not score.on_solution:
        lines.append("  They pass on the reference solution and on your code.")
    lines.append(f"  They caught {score.caught} of {score.planted} planted bugs.")
    for category, hint in score.missed_hints().items():
        lines.append(f"  Missed ({category}): {hint}")
    if score.coverage is not None:
        flag = "" if score.coverage >= COVERAGE_GOAL else f" (goal: {COVERAGE_GOAL}%)"
        shown = math.floor(score.coverage)  # 79.6% must not read as the goal it misses
        lines.append(f"  Coverage of your starter by your tests: {shown}%{flag}")
    return "\n".join(lines)

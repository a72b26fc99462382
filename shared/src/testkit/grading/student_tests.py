"""Grading a student's own tests (``<week>/tests/student/``) with planted bugs, in the sandbox.

The student's tests are student code: every run of them is a sandboxed run read from the result
stream (``testrun.GradedRun``: per-test time limits, a hang costs one test, the tripwire), in a
tree of its own, and the grader decides from the results it read as they came. Each tree holds
the grader's week (its ``mutants/`` removed), the branch's ``tests/student/`` (and only that of
the branch), and as ``solution/`` one of:

- the **reference** solution;
- a **decoy**: the reference with a comment line (a random token) put where each planted bug would
  change it, kept only where the syntax tree stays the same, so it behaves as the reference;
- a **mutant**: the reference with one planted bug (``<week>/mutants/*.patch`` and, when grading
  with hidden tests, ``HIDDEN/mutants/*.patch``; the patch files never enter a tree).

Every tree has a random name, the same layout and one fixed time on every file, so a run can tell
them apart only by the code in them. The reference and the decoy run first, side by side: a test
scores only if it passes on both. One that fails on the reference earns nothing and is reported
with its message; one that passes on the reference but not on the decoy depends on something
other than the code's behaviour (the code's text, a clock, chance) and is flagged for review. Then
each mutant runs, in random order, with every test: it is caught when a scoring test fails or
errs on it (or a test module the reference and the decoy collected does not import). A run whose
tripwire trips counts for nothing: on the reference or the decoy no test scores, on a mutant it is
not caught. Each mutant caught earns ``[tool.course] mutant_points`` (default 1).

The tests also run once on the branch's own ``starter/`` with branch coverage (pytest-cov in the
sandbox), reported against the curriculum's 80% and never scored: that number comes from the
student's process.

What this cannot see (shared/README.md says it too): a test that reads the code under test and
looks for the exact text a public mutant changes (the public mutants are in the student's
repository) passes the decoy; the review signals on the student's tests (reading files or
source, clocks, digests) and hidden mutants, which the student never sees, are the guard there.
The mutants run after the reference, so the time of day is the one thing that differs.
"""

from __future__ import annotations

import ast
import os
import random
import secrets
import shutil
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from testkit import paths, shadow
from testkit.grading import results, testrun
from testkit.grading.check import short_message, test_name
from testkit.grading.sandbox import Sandbox
from testkit.grading.worktree import IGNORED, replace_tree
from testkit.mutants import patch
from testkit.mutants.score import COVERAGE_GOAL, MutantResult, mutants_dir

FIXED_TIME = 1_600_000_000  # every file of every tree: no tree is newer than another
FAILED = ("fail", "error")
DECOY = (
    "passes on the reference solution but not on a copy of it that differs only in comments: "
    "it depends on something other than the code's behaviour"
)
Edit = Callable[[Path], None]  # changes the solution package folder of a tree


@dataclass
class Setup:
    """What a student-test grading needs from the grading session."""

    root: Path  # the grader's checkout: the reference solution and the public mutants
    folder: str
    sandbox: Sandbox
    work: Path  # a grader-private folder for the trees
    hidden: Path | None = None  # hidden tests; hidden mutants in its mutants/
    time_limit: float = 300  # per run
    test_timeout: float | None = 10
    jobs: int = 2


@dataclass
class StudentTests:
    """The score of a branch's own tests; ``results.json``'s ``student_tests``."""

    folder: str
    weight: float = 1.0  # points per mutant caught
    tests: list[str] = field(default_factory=list)  # collected on the reference, in order
    rejected: dict[str, str] = field(default_factory=dict)  # test -> why it scores nothing
    mutants: list[MutantResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the student: what else went wrong
    review: list[str] = field(default_factory=list)  # for a person: what the runs did
    on_starter: str | None = None  # None: every test passes on the branch's starter
    coverage: float | None = None  # % of the branch's starter covered by its tests
    problem: str | None = None  # why no test scores

    @property
    def scoring(self) -> list[str]:
        return [t for t in self.tests if t not in self.rejected]

    @property
    def planted(self) -> list[MutantResult]:
        """The mutants tried (a mutant that does not apply is the grader's problem, not scored)."""
        return [m for m in self.mutants if m.problem is None]

    @property
    def caught(self) -> int:
        return sum(m.killed for m in self.planted)

    def points(self) -> tuple[float, float]:
        return self.caught * self.weight, len(self.planted) * self.weight

    def categories(self) -> dict[str, tuple[int, int]]:
        """Category -> (caught, planted)."""
        found: dict[str, tuple[int, int]] = {}
        for mutant in self.planted:
            caught, planted = found.get(mutant.category, (0, 0))
            found[mutant.category] = (caught + mutant.killed, planted + 1)
        return found

    def missed_hints(self) -> dict[str, str]:
        """One hint per category with a missed public bug: a question, never the bug itself.

        A hidden bug's hint is never shown: it would tell the student what the grader tests."""
        found: dict[str, str] = {}
        for mutant in self.planted:
            if not mutant.killed and not mutant.hidden:
                found.setdefault(mutant.category, mutant.hint)
        return found

    def to_dict(self) -> dict[str, Any]:
        """The JSON section; hidden mutants without their names."""

        def count(chosen: Iterable[MutantResult]) -> dict[str, int]:
            chosen = list(chosen)
            return {"caught": sum(m.killed for m in chosen), "planted": len(chosen)}

        earned, possible = self.points()
        return {
            "folder": f"{self.folder}/tests/student",
            "points": {"earned": results.number(earned), "possible": results.number(possible)},
            "points_per_mutant": results.number(self.weight),
            "tests": len(self.tests),
            "scoring": len(self.scoring),
            "rejected": [{"test": name, "reason": why} for name, why in self.rejected.items()],
            **count(self.planted),
            "public": count(m for m in self.planted if not m.hidden),
            "hidden": count(m for m in self.planted if m.hidden),
            "categories": {
                name: {"caught": caught, "planted": planted}
                for name, (caught, planted) in self.categories().items()
            },
            "missed_hints": self.missed_hints(),
            "mutants": [
                {
                    "name": None if m.hidden else m.name,
                    "category": m.category,
                    "hidden": m.hidden,
                    "killed": m.killed,
                    "problem": m.problem,
                }
                for m in self.mutants
            ],
            "on_starter": self.on_starter,
            "coverage": None if self.coverage is None else round(self.coverage, 1),
            "coverage_goal": COVERAGE_GOAL,
            "notes": self.notes,
            "problem": self.problem,
        }


def wanted(root: Path, folder: str) -> bool:
    """Whether the week grades student tests: the grader's week has mutants."""
    return bool(patch.find([mutants_dir(root, folder)]))


def points_per_mutant(root: Path, folder: str) -> float:
    """``[tool.course] mutant_points`` of the week (default 1); ``ValueError`` if not a number."""
    text = paths.course_info(root, folder).get("mutant_points", "1")
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise ValueError(f"{folder}/pyproject.toml: [tool.course] mutant_points must be a number "
                         f">= 0, not {text!r}")  # fmt: skip
    return value


def has_tests(folder: Path) -> bool:
    return folder.is_dir() and any(p.name.startswith("test_") for p in folder.rglob("*.py"))


def with_comments(text: str, lines: Iterable[int], comment: str) -> str:
    """``text`` with ``comment`` on a line of its own before each of ``lines`` (0-based), only
    where the syntax tree stays the same (not inside a string, say)."""
    original = text.splitlines()
    tree = ast.dump(ast.parse(text))

    def insert(at: list[int]) -> str:
        out = list(original)
        for line in sorted(at, reverse=True):
            model = out[line] if line < len(out) else (out[-1] if out else "")
            indent = model[: len(model) - len(model.lstrip())]
            out.insert(line, f"{indent}{comment}")
        return "\n".join(out) + "\n"

    kept: list[int] = []
    for line in sorted(set(lines)):
        try:
            same = ast.dump(ast.parse(insert([*kept, line]))) == tree
        except SyntaxError:
            same = False
        if same:
            kept.append(line)
    return insert(kept)


def decoy(mutants: Sequence[patch.Mutant], token: str) -> Edit:
    """The edit that makes a tree's solution a decoy: a comment where each mutant changes it."""

    def edit(package: Path) -> None:
        places: dict[str, set[int]] = {}
        for mutant in mutants:
            for path, lines in patch.changed_lines(mutant, package).items():
                places.setdefault(path, set()).update(lines)
        for path, at in places.items():
            target = package / path
            text = target.read_text(encoding="utf-8")
            target.write_text(with_comments(text, at, f"# {token}"), encoding="utf-8")

    return edit


def settle(tree: Path) -> None:
    """One fixed access and modification time for every file and folder of ``tree``."""
    for folder, dirs, files in os.walk(tree):
        for name in (*dirs, *files):
            os.utime(Path(folder) / name, (FIXED_TIME, FIXED_TIME), follow_symlinks=False)
    os.utime(tree, (FIXED_TIME, FIXED_TIME))


def student_runs(
    setup: Setup, tree: Path, impl: str, coverage: Path | None = None
) -> testrun.RunResult:
    """The student's tests in ``tree``, the tripwire among them (their conftest files apply)."""
    mine = f"{setup.folder}/tests/student"
    return testrun.GradedRun(
        setup.sandbox, tree, setup.folder, [mine], impl, time_limit=setup.time_limit,
        test_timeout=setup.test_timeout, canary=mine, coverage=coverage,
    ).run()  # fmt: skip


class Trees:
    """Trees of the grader's week with the branch's tests, one per run, removed after it."""

    def __init__(self, setup: Setup, student: Path) -> None:
        self.setup, self.student = setup, student
        self.package = shadow.package_dir(setup.root, setup.folder).name

    def run(self, edit: Edit | None) -> testrun.RunResult:
        """The tests on the reference solution changed by ``edit`` (whose errors propagate)."""
        setup, folder = self.setup, self.setup.folder
        tree = setup.work / f"s{secrets.token_hex(8)}"
        try:
            replace_tree(setup.root / folder, tree / folder)
            shutil.rmtree(tree / folder / "mutants", ignore_errors=True)
            mine = tree / folder / "tests" / "student"
            shutil.rmtree(mine, ignore_errors=True)
            shutil.copytree(self.student, mine, symlinks=True, ignore=IGNORED)
            shutil.copy2(setup.root / "pyproject.toml", tree / "pyproject.toml")
            if edit is not None:
                edit(tree / folder / "src" / self.package / "solution")
            settle(tree)
            return student_runs(setup, tree, "solution")
        finally:
            shutil.rmtree(tree, ignore_errors=True)
            (tree.parent / f"{tree.name}-output.log").unlink(missing_ok=True)


def load_mutants(setup: Setup) -> tuple[list[MutantResult], list[tuple[int, patch.Mutant]]]:
    """Every mutant as a result line, and the ones that parse (with their line's index)."""
    hidden = setup.hidden / "mutants" if setup.hidden is not None else None
    folders = [mutants_dir(setup.root, setup.folder), *([hidden] if hidden else [])]
    lines, loaded = [], []
    for index, path in enumerate(patch.find(folders)):
        secret = hidden is not None and path.parent == hidden
        try:
            mutant = patch.load(path)
        except patch.MutantError as exc:
            lines.append(MutantResult(path.stem, "?", "", False, str(exc), secret))
            continue
        lines.append(MutantResult(mutant.name, mutant.category, mutant.hint, False, None, secret))
        loaded.append((index, mutant))
    return lines, loaded


def failing(run: testrun.RunResult) -> str | None:
    """The first failing test of a run and why, in one line (None if every test passed)."""
    for test in run.tests:
        if test.status in FAILED and not test.service_unavailable:
            return f"{test_name(test.name)}: {short_message(test.message).splitlines()[0]}"
    return run.reason


def judge_reference(
    result: StudentTests, reference: testrun.RunResult, copy: testrun.RunResult
) -> None:
    """Which tests score: the ones that pass on the reference and on the decoy."""
    result.tests = [t.name for t in reference.tests]
    for label, run in (("the reference solution", reference), ("a copy of it", copy)):
        result.review += [f"a run of the student's tests on {label}: {p}" for p in run.problems]
    if reference.problems or copy.problems:
        result.problem = "your tests' runs on the reference solution changed how pytest reports"
        return
    if reference.reason:
        result.notes.append(f"On the reference solution: {reference.reason}")
    on_copy = {t.name: t for t in copy.tests}
    telling: list[str] = []
    for test in reference.tests:
        other = on_copy.get(test.name)
        if test.status in FAILED:
            message = short_message(test.message).splitlines()[0]
            result.rejected[test.name] = f"fails on the reference solution: {message}"
        elif test.status != "pass":
            result.rejected[test.name] = "did not run on the reference solution (skipped)"
        elif other is None:
            result.rejected[test.name] = (
                f"could not be checked on a copy of the reference solution ({copy.reason})"
            )
        elif other.status != "pass":
            result.rejected[test.name] = DECOY
            telling.append(test_name(test.name))
    if telling:
        result.review.append(f"{len(telling)} of the student's tests {DECOY} (scored nothing): "
                             f"{', '.join(telling)}")  # fmt: skip
    if not result.tests:
        why = reference.reason or "none collected"
        result.problem = f"your tests could not run on the reference solution: {why}"
    elif not result.scoring:
        result.problem = "none of your tests passes on the reference solution"


def killed(run: testrun.RunResult, scoring: set[str], collects: bool) -> bool:
    """Whether a mutant's run caught it: a scoring test failed (or, where the reference's runs
    collected every module, a module did not import). A tripped wire catches nothing."""
    if run.problems:
        return False
    if any(t.name in scoring and t.status in FAILED and not t.service_unavailable
           for t in run.tests):  # fmt: skip
        return True
    return collects and (run.reason or "").startswith("the code does not import")


def grade(setup: Setup, student: Path, branch_tree: Path | None = None) -> StudentTests:
    """Score the tests in ``student`` (a copy of the branch's ``tests/student``); with
    ``branch_tree`` (the branch's graded tree) also run them on its starter, with coverage."""
    result = StudentTests(setup.folder, weight=points_per_mutant(setup.root, setup.folder))
    result.mutants, loaded = load_mutants(setup)
    if not has_tests(student):
        result.problem = f"no tests in {setup.folder}/tests/student/ yet"
        return result
    trees = Trees(setup, student)
    order = random.SystemRandom()
    with ThreadPoolExecutor(max_workers=max(2, setup.jobs)) as pool:
        edits: list[Edit | None] = [None, decoy([m for _, m in loaded], secrets.token_hex(4))]
        first = order.sample([0, 1], 2)  # side by side, either may start first
        started = {i: pool.submit(trees.run, edits[i]) for i in first}
        starter = pool.submit(on_starter, setup, student, branch_tree) if branch_tree else None
        reference, copy = started[0].result(), started[1].result()
        judge_reference(result, reference, copy)
        if result.scoring and loaded:
            collects = reference.reason is None and copy.reason is None
            runs = [
                (i, pool.submit(trees.run, planted(m)))
                for i, m in order.sample(loaded, len(loaded))
            ]
            for index, future in runs:
                try:
                    run = future.result()
                except patch.MutantError as exc:  # the grader's problem: reported, not scored
                    result.mutants[index].problem = str(exc)
                    continue
                result.mutants[index].killed = killed(run, set(result.scoring), collects)
                result.review += [
                    f"a run of the student's tests on a planted bug: {p}" for p in run.problems
                ]
        if starter is not None:
            starter_run = starter.result()
            result.on_starter, result.coverage = failing(starter_run), starter_run.coverage
    result.review = list(dict.fromkeys(result.review))
    return result


def planted(mutant: patch.Mutant) -> Edit:
    return lambda package: patch.apply(mutant, package)


def on_starter(setup: Setup, student: Path, tree: Path) -> testrun.RunResult:
    """The tests on the branch's own starter (its graded tree), with branch coverage."""
    mine = tree / setup.folder / "tests" / "student"
    shutil.rmtree(mine, ignore_errors=True)
    shutil.copytree(student, mine, symlinks=True, ignore=IGNORED)
    package = shadow.package_dir(setup.root, setup.folder).name
    starter = tree / setup.folder / "src" / package / "starter"
    return student_runs(setup, tree, "starter", coverage=starter)

"""``verify-week``'s checks of a week's mutants and student example test.

- every mutant parses and applies cleanly to the solution;
- every mutant is killed by the reference's own project tests, so students can be asked to catch
  it (a mutant's optional ``Tests:`` header names the test files to run, relative to the week
  folder, when the whole project suite would be slow: one of them must fail);
- the reference solution passes the student tests the week ships (the example), and no mutant is
  caught by them (the example must not hand out points).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from testkit import batch, shadow
from testkit.mutants import patch, score

EXAMPLE = " (example test)"


def check(
    root: Path, folder: str, *, parallel: int = 2, services: Mapping[str, str] | None = None
) -> tuple[list[str], list[str]]:
    """(notes, problems) about the week's mutants; both empty for a week without any.

    ``services``: servers the caller started for several checks (``batch.shared_services``)."""
    mutant_files = patch.find([score.mutants_dir(root, folder)])
    student = score.tests_dir(root, folder)
    if not mutant_files and not student.is_dir():
        return [], []
    problems: list[str] = []
    if not student.is_dir() or not any(student.rglob("test_*.py")):
        problems.append(f"{folder} has mutants but no example test in tests/student/")
    if student.is_dir() and not mutant_files:
        problems.append(f"{folder} has tests/student/ but no mutants in mutants/*.patch")
    package = shadow.package_dir(root, folder)
    project = [f"{folder}/tests/project"]
    with shadow.shadow(package) as tmp, batch.services_of(root, project, services) as env:
        jobs: list[batch.Job] = []
        names: list[str] = []
        for index, path in enumerate(mutant_files):
            try:
                mutant = patch.load(path)
                copy = shadow.Shadow(package, tmp.src.parent / f"m{index}")
                patch.apply(mutant, copy.copy("solution", "solution"))
            except patch.MutantError as exc:
                problems.append(str(exc))
                continue
            wanted = mutant.header.get("tests", "").split()
            targets = [f"{folder}/{t}" for t in wanted] or project
            missing = [t for t in targets if not (root / t.split("::")[0]).exists()]
            if missing:
                problems.append(f"{mutant.name}: its Tests: header names missing files {missing}")
                continue
            args = [*batch.lean_args(root, targets), "-x"]
            jobs.append(batch.Job(targets, "solution", copy.env(), args))
            names.append(mutant.name)
            if student.is_dir():
                example = str(student.relative_to(root))
                lean = batch.lean_args(root, [example])
                jobs.append(batch.Job([example], "solution", copy.env(), lean))
                names.append(mutant.name + EXAMPLE)
        if student.is_dir():
            example = str(student.relative_to(root))
            jobs.append(batch.Job([example], "solution", {}, batch.lean_args(root, [example])))
            names.append("example")
        outcomes = batch.run(root, jobs, parallel=parallel, services=env)
    notes: list[str] = []
    caught = 0
    for name, outcome in zip(names, outcomes, strict=True):
        failure = score.first_failure(outcome)
        if name == "example":
            if failure:
                problems.append(f"the reference solution fails the example student test: {failure}")
        elif name.endswith(EXAMPLE):
            if failure:
                notes.append(f"the example student test catches {name.removesuffix(EXAMPLE)}")
        elif failure is None:
            problems.append(f"{name}: the reference project tests do not catch this mutant")
        else:
            caught += 1
    summary = f"mutants: {caught} of {len(mutant_files)} killed by the reference project tests"
    return [summary, *notes], problems

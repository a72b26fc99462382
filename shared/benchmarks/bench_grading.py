"""How long grading five branches takes: the sample week, or a real week of this checkout.

    uv run python shared/benchmarks/bench_grading.py [--rounds 3] [--jobs 2] [--week 3]

Without ``--week``, each round builds a fresh sample repository (``testkit.grading.sample``: five
branches, full, half done, tampered, syntax error, endless loop) and grades them with the hidden
tests, the API contract diff and the default limits (a test that runs longer than 10 s fails: the
endless-loop branch costs those 10 s; ``--test-timeout 1`` shows the time without that wait).

With ``--week N``, each round clones this checkout and grades five branches of week N: the
reference solution copied into ``starter/`` (full points), the untouched starter, half of the
solution's modules copied, a syntax error, and the full solution with an edited test.

Prints the wall-clock time of each round and the median. (No CPU time: the sandboxed processes
are not the grader's children once bubblewrap's PID namespace ends, so their CPU is not counted;
compare rounds at a similar load average.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from testkit import paths
from testkit.grading import grade, sample


def git(repo: Path, *args: str) -> None:
    subprocess.run(  # noqa: S603 - fixed command
        ["git", "-c", "user.name=Bench",  # noqa: S607 "-c", "user.email=bench@example.com",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


def week_branches(checkout: Path, folder: str, repo: Path) -> list[str]:
    """Clone ``checkout`` into ``repo`` and add five students' branches of ``folder``."""
    git(checkout, "clone", "--quiet", "--no-hardlinks", str(checkout), str(repo))
    package = repo / folder / "src" / folder
    solution, starter = package / "solution", package / "starter"
    modules = sorted(p for p in solution.iterdir() if p.name != "__pycache__")

    def copy(items: list[Path]) -> None:
        for item in items:
            target = starter / item.name
            if item.is_dir():
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(item, target)
            else:
                shutil.copy2(item, target)

    def broken() -> None:
        main = starter / "__init__.py"
        main.write_text(main.read_text() + "\ndef broken(:\n")

    def edited() -> None:
        copy(modules)
        test = next((repo / folder / "tests" / "project").glob("test_*.py"))
        test.write_text(test.read_text() + "\n\ndef test_extra() -> None:\n    assert True\n")

    changes = {
        "full": lambda: copy(modules),
        "starter": lambda: None,
        "half": lambda: copy(modules[: len(modules) // 2]),
        "syntax": broken,
        "tamper": edited,
    }
    names = []
    for name, change in changes.items():
        branch = f"{name}/{folder}"
        git(repo, "checkout", "--quiet", "-b", branch, "HEAD")
        change()
        git(repo, "add", "-A")
        git(repo, "commit", "--quiet", "--allow-empty", "-m", f"{name} work")
        git(repo, "checkout", "--quiet", "-")
        names.append(branch)
    return names


def one_round(jobs: int, test_timeout: float, week: str | None) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        repo = Path(tmp) / "repo"
        if week is None:
            branches = sample.build(repo)
            hidden: Path | None = sample.write_hidden(Path(tmp) / "hidden")
            folder = sample.WEEK
        else:
            folder = paths.week_folder(week)
            branches = week_branches(paths.course_root(), folder, repo)
            hidden = None
        options = grade.GradeOptions(
            folder, out_dir=Path(tmp) / "out", hidden=hidden, jobs=jobs, test_timeout=test_timeout
        )
        started = time.perf_counter()
        results = grade.grade(repo, branches, options, log=lambda _: None)
        elapsed = time.perf_counter() - started
    earned = [r.points()[0] for r in results]
    if week is None and earned != [8, 2, 2, 0, 6]:
        raise SystemExit(f"unexpected grades {earned}: the benchmark measured something broken")
    if week is not None and (earned[0] != results[0].points()[1] or earned[3] != 0):
        raise SystemExit(f"unexpected grades {earned}: the benchmark measured something broken")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--test-timeout", type=float, default=10)
    parser.add_argument("--week", help="grade five branches of this real week instead")
    args = parser.parse_args()
    times = []
    for number in range(1, args.rounds + 1):
        elapsed = one_round(args.jobs, args.test_timeout, args.week)
        times.append(elapsed)
        load = os.getloadavg()[0]
        print(
            f"round {number}: 5 branches graded in {elapsed:.1f} s (jobs={args.jobs}, "
            f"test timeout {args.test_timeout:g} s, load average {load:.1f})"
        )
    print(f"median {statistics.median(times):.1f} s, best {min(times):.1f} s")


if __name__ == "__main__":
    main()

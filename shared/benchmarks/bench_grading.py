"""How long grading five branches takes: the sample week of ``testkit.grading.sample``.

    uv run python shared/benchmarks/bench_grading.py [--rounds 3] [--jobs 2]

Each round builds a fresh sample repository (five branches: full, half done, tampered, syntax
error, endless loop) and grades them with the hidden tests, the API contract diff and the default
limits (a test that runs longer than 10 s fails: the endless-loop branch costs those 10 s;
``--test-timeout 1`` shows the time without that wait).
Prints the wall-clock and CPU time of each round and the median wall-clock time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from testkit.grading import grade, sample


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: a figure other load cannot inflate."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one_round(jobs: int, test_timeout: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        repo = Path(tmp) / "repo"
        branches = sample.build(repo)
        hidden = sample.write_hidden(Path(tmp) / "hidden")
        options = grade.GradeOptions(
            "week99", out_dir=Path(tmp) / "out", hidden=hidden, jobs=jobs, test_timeout=test_timeout
        )
        started, cpu = time.perf_counter(), cpu_seconds()
        results = grade.grade(repo, branches, options, log=lambda _: None)
        elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    if [r.points()[0] for r in results] != [8, 2, 2, 0, 6]:
        raise SystemExit("unexpected grades: the benchmark measured something broken")
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--test-timeout", type=float, default=10)
    args = parser.parse_args()
    times = []
    for number in range(1, args.rounds + 1):
        elapsed, cpu = one_round(args.jobs, args.test_timeout)
        times.append(elapsed)
        print(
            f"round {number}: 5 branches graded in {elapsed:.1f} s wall, {cpu:.1f} s CPU "
            f"(jobs={args.jobs}, test timeout {args.test_timeout:g} s)"
        )
    print(f"median {statistics.median(times):.1f} s, best {min(times):.1f} s")


if __name__ == "__main__":
    main()

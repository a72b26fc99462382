"""How fast do throwaway services start? Median of 5 starts from each binary source available.

    uv run python shared/benchmarks/bench_services.py

Targets (foundation issue): PostgreSQL ready in <= 1.5 s, Redis in <= 0.2 s. The figures of the
last run on the course machine are in shared/README.md.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from testkit.services.postgres import ThrowawayPostgres, wheel_pg_bindir
from testkit.services.redis import ThrowawayRedis, wheel_redis_server

RUNS = 5


def median_start(start: Callable[[], ThrowawayPostgres | ThrowawayRedis]) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        server = start()
        times.append(time.perf_counter() - began)
        server.close()
    return statistics.median(times)


def main() -> None:
    system_pg = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    sources: list[tuple[str, str, str | None]] = [
        ("PostgreSQL", "system", str(system_pg[-1]) if system_pg else None),
        ("PostgreSQL", "pip wheel", str(wheel_pg_bindir() or "") or None),
        ("Redis", "pip wheel", str(wheel_redis_server() or "") or None),
    ]
    print(f"| service | binaries | median of {RUNS} starts |")
    print("| --- | --- | --- |")
    for service, label, path in sources:
        if path is None:
            print(f"| {service} | {label} | not available |")
            continue
        if service == "PostgreSQL":
            os.environ["PG_BINDIR"] = path
            seconds = median_start(ThrowawayPostgres)
        else:
            os.environ["REDIS_SERVER"] = path
            seconds = median_start(ThrowawayRedis)
        print(f"| {service} | {label} | {seconds:.3f} s |")


if __name__ == "__main__":
    main()

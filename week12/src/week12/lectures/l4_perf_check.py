"""A performance regression check that CI can run: a short, fixed load compared with a baseline.

An absolute threshold ("p50 under 5 ms") fails on a slower or busier CI runner and passes a real
regression on a fast laptop. So the check measures *two* endpoints in the same run, on the same
machine: the one it guards (``/tasks``, through the rate limiter) and a trivial one that does
nearly nothing (``/health``, the calibration). Their **ratio** says how much dearer the guarded
endpoint is than "nothing", which a slower machine changes far less than the times themselves.
The requests go in pairs, one to each endpoint back to back, so both see the same moment of a
busy machine; the median of the pairs' ratios (over the median of three rounds) is compared with
the committed baseline (``l4_perf_baseline.json``) times a **tolerance**. One hiccup does not
fail the build; an endpoint that got dearer does.

    uv run python -m week12.lectures.l4_perf_check --check            # exit code 1 on a regression
    uv run python -m week12.lectures.l4_perf_check --update-baseline  # after a change on purpose

A tolerance of 1.5 catches "50% dearer" and above, not 5%: a shared CI runner is too noisy for
small differences; those are for a profiler on a quiet machine (lecture 3).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from fastapi import FastAPI

from testkit.http import LiveServer
from week12.lectures.l4_rate_limits import create_app

BASELINE = Path(__file__).with_name("l4_perf_baseline.json")
TARGET, CALIBRATION = "/tasks", "/health"


@dataclass(frozen=True)
class Load:
    """The fixed load: the same for the baseline and every check, or the ratios do not compare."""

    requests: int = 100  # pairs of requests per round
    concurrency: int = 2  # more, and both endpoints measure mostly the queue on 2 cores
    rounds: int = 3


@dataclass(frozen=True)
class Baseline:
    ratio: float  # the median pair's TARGET time / CALIBRATION time
    tolerance: float = 1.5  # a check fails above ratio * tolerance
    load: Load = Load()

    @classmethod
    def read(cls, path: Path) -> Baseline:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["ratio"], data["tolerance"], Load(**data["load"]))

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Measurement:
    target_ms: float  # p50
    calibration_ms: float
    ratio: float  # the median of the pairs' ratios


def perf_app() -> FastAPI:
    """The lecture app with limits no load here reaches: the check measures the limiter's cost,
    not its 429s. In-memory counters keep the check free of services."""
    return create_app("memory://", default_limit="1000000/minute")


async def paired_run(client: httpx.AsyncClient, load: Load) -> Measurement:
    """``load.requests`` pairs (CALIBRATION, then TARGET at once) from ``load.concurrency``
    workers. The two requests of a pair share the machine's state of that moment, so the ratio
    is taken per pair and the median pair counts."""
    pairs: list[tuple[float, float]] = []  # (target ms, calibration ms)
    todo = iter(range(load.requests))

    async def timed_get(client: httpx.AsyncClient, path: str) -> float:
        started = time.perf_counter()
        response = await client.get(path)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response.raise_for_status()  # a failing endpoint is fast: never a pass
        return elapsed_ms

    async def worker(client: httpx.AsyncClient) -> None:
        for _ in todo:  # shared by the workers: each pair is sent once
            calibration_ms = await timed_get(client, CALIBRATION)
            pairs.append((await timed_get(client, TARGET), calibration_ms))

    await asyncio.gather(*(worker(client) for _ in range(load.concurrency)))
    return Measurement(
        statistics.median(target for target, _ in pairs),
        statistics.median(calibration for _, calibration in pairs),
        statistics.median(target / calibration for target, calibration in pairs),
    )


async def run_rounds(base_url: str, load: Load) -> list[Measurement]:
    limits = httpx.Limits(max_connections=load.concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=10) as client:
        return [await paired_run(client, load) for _ in range(load.rounds)]


def measure(app: FastAPI, load: Load) -> Measurement:
    """Serve ``app`` with uvicorn, run ``load.rounds`` paired runs; the median round."""
    server = LiveServer(app).start()
    try:
        rounds = asyncio.run(run_rounds(server.url, load))
    finally:
        server.stop()
    return sorted(rounds, key=lambda measured: measured.ratio)[len(rounds) // 2]


def verdict(measured: Measurement, baseline: Baseline) -> tuple[bool, str]:
    limit = baseline.ratio * baseline.tolerance
    ok = measured.ratio <= limit
    return ok, (
        f"{TARGET} p50 {measured.target_ms:.2f} ms, {CALIBRATION} p50 "
        f"{measured.calibration_ms:.2f} ms: ratio {measured.ratio:.2f} "
        f"(baseline {baseline.ratio:.2f}, limit {limit:.2f}): " + ("OK" if ok else "REGRESSION")
    )


def main(argv: list[str] | None = None, app_factory: Callable[[], FastAPI] = perf_app) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="compare with the baseline")
    action.add_argument("--update-baseline", action="store_true", help="measure and save it")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="the JSON file")
    args = parser.parse_args(argv)

    if args.update_baseline and not args.baseline.exists():
        baseline = Baseline(ratio=1.0)  # the first one: the default load and tolerance
    else:
        try:
            baseline = Baseline.read(args.baseline)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            parser.error(f"cannot read the baseline {args.baseline}: {exc!r}")
    measured = measure(app_factory(), baseline.load)
    if args.update_baseline:
        Baseline(round(measured.ratio, 2), baseline.tolerance, baseline.load).write(args.baseline)
        print(f"baseline ratio {measured.ratio:.2f} written to {args.baseline}")
        return 0
    ok, message = verdict(measured, baseline)
    print(message)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""A small load generator: N concurrent clients for a fixed number of requests, and the figures
that matter (p50/p95/p99 latency, throughput, errors).

``uv run python -m week12.lectures.l3_load http://127.0.0.1:8000/health --requests 2000 --concurrency 10``

Why percentiles, not the mean: latencies have a long tail. 98 requests at 5 ms and 2 at 1 s have
a mean of 25 ms, a latency no request had; p50 says what a typical user sees (5 ms), p99 what the
unluckiest one in a hundred sees (1 s), and the page that makes 20 calls hits that tail often.
Locust (scenarios in Python, ``locust -f scenario.py --headless -u 50 -r 10 -t 1m --csv out``)
is the tool for realistic user journeys; its own CPU cost caps it at a few thousand requests per
second on 2 cores, so a throughput figure needs a lean generator like this one (or ``wrk``/``oha``).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import time
from dataclasses import dataclass

import httpx


def percentile(sorted_values: list[float], p: float) -> float:
    """The nearest-rank percentile ``p`` (0-100) of already sorted values."""
    if not sorted_values:
        raise ValueError("no values")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass(frozen=True)
class LoadResult:
    latencies_ms: list[float]  # sorted
    errors: int
    seconds: float

    @property
    def throughput(self) -> float:
        return (len(self.latencies_ms) + self.errors) / self.seconds

    def summary(self) -> str:
        if not self.latencies_ms:
            return f"{self.errors} requests, all failed"
        p50, p95, p99 = (percentile(self.latencies_ms, p) for p in (50, 95, 99))
        mean = sum(self.latencies_ms) / len(self.latencies_ms)
        return (
            f"{len(self.latencies_ms) + self.errors} requests, {self.errors} errors, "
            f"{self.throughput:.0f} req/s; p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
            f"p99 {p99:.1f} ms, mean {mean:.1f} ms"
        )


async def run_load(url: str, requests: int, concurrency: int) -> LoadResult:
    """``requests`` GETs of ``url`` from ``concurrency`` workers sharing one connection pool."""
    latencies: list[float] = []
    errors = 0
    remaining = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for _ in remaining:  # the workers share one iterator: each request is made once
            started = time.perf_counter()
            try:
                response = await client.get(url)
                ok = response.status_code < 500
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1

    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    return LoadResult(sorted(latencies), errors, seconds)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args(argv)
    print(asyncio.run(run_load(args.url, args.requests, args.concurrency)).summary())


if __name__ == "__main__":
    main()

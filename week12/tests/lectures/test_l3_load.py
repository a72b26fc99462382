"""Lecture 3: percentiles, and the load generator against a real server."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI, HTTPException
from week12.lectures.l3_load import LoadResult, percentile, run_load

from testkit.http import LiveServer


def test_the_mean_lies_and_percentiles_do_not() -> None:
    latencies = sorted([5.0] * 98 + [1000.0] * 2)
    result = LoadResult(latencies, errors=0, seconds=1.0)
    assert sum(latencies) / len(latencies) == pytest.approx(24.9)  # no request took 25 ms
    assert (percentile(latencies, 50), percentile(latencies, 95)) == (5.0, 5.0)
    assert percentile(latencies, 99) == 1000.0
    assert "p50 5.0 ms, p95 5.0 ms, p99 1000.0 ms, mean 24.9 ms" in result.summary()
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


async def test_a_load_run_counts_every_request_once(live_server: Callable[..., LiveServer]) -> None:
    app = FastAPI()
    served: list[int] = []

    @app.get("/ok")
    async def ok() -> dict[str, bool]:
        served.append(1)
        return {"ok": True}

    @app.get("/broken")
    async def broken() -> None:
        raise HTTPException(503)

    server = live_server(app)
    result = await run_load(f"{server.url}/ok", requests=200, concurrency=8)
    assert (len(result.latencies_ms), result.errors, len(served)) == (200, 0, 200)
    assert result.latencies_ms == sorted(result.latencies_ms)
    assert result.throughput > 0
    failing = await run_load(f"{server.url}/broken", requests=20, concurrency=4)
    assert (failing.errors, failing.summary()) == (20, "20 requests, all failed")

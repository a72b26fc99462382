"""Lecture 3: the timing header and slow-request log, GZip above a size only, and ``gather``."""

from __future__ import annotations

import logging
import re
import time

import pytest
from week12.lectures.l3_timing import UPSTREAM_SECONDS, create_app

from testkit.http import ClientFactory


async def test_every_response_is_timed_and_slow_ones_are_logged(
    asgi_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    client = await asgi_client(create_app(slow_ms=100))
    with caplog.at_level(logging.WARNING, logger="week12.slow_requests"):
        fast = await client.get("/report", params={"rows": 1})
        slow = await client.get("/dashboard/sequential")
    fast_ms = re.fullmatch(r"app;dur=([\d.]+)", fast.headers["Server-Timing"])
    assert fast_ms is not None
    assert float(fast_ms[1]) < 100
    assert [r.getMessage().split(" took")[0] for r in caplog.records] == [
        "slow request GET /dashboard/sequential"
    ]
    assert slow.status_code == 200


async def test_gzip_compresses_large_responses_only(asgi_client: ClientFactory) -> None:
    client = await asgi_client(create_app())
    small = await client.get("/report", params={"rows": 1})
    large = await client.get("/report", params={"rows": 2000})
    assert "content-encoding" not in small.headers  # under minimum_size: sent as it is
    assert large.headers["content-encoding"] == "gzip"
    assert int(large.headers["content-length"]) * 5 < len(large.content)  # httpx decompressed it
    assert len(large.json()) == 2000


async def test_gather_waits_for_the_longest_call_not_the_sum(asgi_client: ClientFactory) -> None:
    client = await asgi_client(create_app())
    timings = {}
    for path in ("/dashboard/sequential", "/dashboard/gathered"):
        started = time.perf_counter()
        response = await client.get(path)
        timings[path] = time.perf_counter() - started
        assert response.json()["tasks"] == [1, 2, 3]
    assert timings["/dashboard/sequential"] >= 2 * UPSTREAM_SECONDS
    assert timings["/dashboard/gathered"] < 1.5 * UPSTREAM_SECONDS

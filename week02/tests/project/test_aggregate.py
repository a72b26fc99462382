"""Task 3: the sources asked for run concurrently, and one failing source spoils nothing else."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace
from types import ModuleType
from typing import Any

import httpx
import pytest

from testkit import impl_module

from .apis import (
    FRANKFURTER,
    HACKER_NEWS,
    NEWS_URL,
    OPEN_METEO,
    RATES_URL,
    WEATHER_URL,
    Handler,
    fail_with,
    in_turn,
    mock_transport,
    respond,
    respond_text,
)


@pytest.fixture
def aggregate() -> ModuleType:
    return impl_module("week02", "aggregator.aggregate")


@pytest.fixture
def query(config: ModuleType) -> Any:
    return config.Query(config.Location(52.52, 13.41), "EUR", ("USD", "GBP"), headlines=2, days=3)


@pytest.fixture
def urls(config: ModuleType) -> Any:
    return config.BaseUrls(WEATHER_URL, NEWS_URL, RATES_URL)


@pytest.mark.task(3)
@pytest.mark.points(2)
async def test_all_sources_end_up_in_one_report(
    aggregate: ModuleType, client: httpx.AsyncClient, query: Any, urls: Any
) -> None:
    report = await aggregate.aggregate(client, query, urls, 5)

    assert report.errors == {}
    assert report.weather.temperature_c == 3.4
    assert len(report.weather.forecast) == 3
    assert [h.points for h in report.headlines] == [310, 250]
    assert report.rates.rates == {"USD": 1.0871, "GBP": 0.8312}


@pytest.mark.task(3)
@pytest.mark.points(2)
async def test_only_the_sources_asked_for_are_fetched(
    aggregate: ModuleType, query: Any, urls: Any
) -> None:
    seen: list[httpx.Request] = []
    async with httpx.AsyncClient(transport=mock_transport(seen=seen)) as client:
        report = await aggregate.aggregate(
            client, replace(query, sources=("rates", "weather")), urls, 5
        )

    assert sorted(request.url.host for request in seen) == ["rates.test", "weather.test"]
    assert report.headlines is None
    assert report.errors == {}  # not asked for is not a failure
    assert report.weather is not None
    assert report.rates is not None


@pytest.mark.task(3)
@pytest.mark.points(1)
async def test_every_source_gets_the_retries_asked_for(
    aggregate: ModuleType, query: Any, urls: Any
) -> None:
    busy = respond({"error": "busy"}, status=503)
    transport = mock_transport(
        in_turn(busy, respond(OPEN_METEO)),
        in_turn(busy, respond(HACKER_NEWS)),
        in_turn(busy, respond(FRANKFURTER)),
    )
    async with httpx.AsyncClient(transport=transport) as client:
        report = await aggregate.aggregate(client, replace(query, retries=1), urls, 5)

    assert report.errors == {}


@pytest.mark.task(3)
@pytest.mark.points(3)
async def test_all_three_requests_are_in_flight_at_once(
    aggregate: ModuleType, query: Any, urls: Any
) -> None:
    """Each mocked API holds its answer until all three requests have arrived.

    Done concurrently, the third request releases all three at once. Done one after another,
    each request waits alone until the gate gives up, and ``peak`` stays at 1. No clock is read.
    """
    in_flight = peak = 0
    all_arrived = asyncio.Event()

    def gated(payload: object) -> Handler:
        async def handler(request: httpx.Request) -> httpx.Response:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            if in_flight == 3:
                all_arrived.set()
            with contextlib.suppress(TimeoutError):  # a deadline, so a serial version fails fast
                async with asyncio.timeout(1):
                    await all_arrived.wait()
            in_flight -= 1
            return httpx.Response(200, json=payload)

        return handler

    transport = mock_transport(gated(OPEN_METEO), gated(HACKER_NEWS), gated(FRANKFURTER))
    async with httpx.AsyncClient(transport=transport) as client:
        report = await aggregate.aggregate(client, query, urls, 30)

    assert peak == 3
    assert report.errors == {}


@pytest.mark.task(3)
@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("news", "message"),
    [
        pytest.param(respond({}, status=503), "HTTP 503", id="http-error"),
        pytest.param(fail_with(httpx.ConnectTimeout), "timed out", id="timeout"),
        pytest.param(fail_with(httpx.ConnectError), "could not reach", id="unreachable"),
        pytest.param(respond_text("<html>oops</html>"), "not valid JSON", id="garbage"),
        pytest.param(respond({"hits": [{"title": "x"}]}), "Field required", id="missing-fields"),
    ],
)
async def test_one_failing_source_leaves_the_other_two(
    aggregate: ModuleType, query: Any, urls: Any, news: Handler, message: str
) -> None:
    async with httpx.AsyncClient(transport=mock_transport(news=news)) as client:
        report = await aggregate.aggregate(client, query, urls, 5)

    assert report.headlines is None
    assert list(report.errors) == ["news"]
    assert message in report.errors["news"]
    assert report.weather is not None
    assert report.rates is not None


@pytest.mark.task(3)
@pytest.mark.points(2)
async def test_a_source_that_never_answers_is_cut_off_by_the_total_timeout(
    aggregate: ModuleType, query: Any, urls: Any
) -> None:
    async def hang(request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()  # never set: only the total timeout can end this
        raise AssertionError("unreachable")

    async with httpx.AsyncClient(transport=mock_transport(rates=hang)) as client:
        report = await aggregate.aggregate(client, query, urls, 0.05)

    assert report.errors == {"rates": "no answer within the total timeout of 0.05 s"}
    assert report.weather is not None
    assert report.headlines is not None


@pytest.mark.task(3)
@pytest.mark.points(1)
async def test_every_source_failing_is_still_a_report(
    aggregate: ModuleType, query: Any, urls: Any
) -> None:
    down = fail_with(httpx.ConnectError)
    async with httpx.AsyncClient(transport=mock_transport(down, down, down)) as client:
        report = await aggregate.aggregate(client, query, urls, 5)

    assert sorted(report.errors) == ["news", "rates", "weather"]
    assert (report.weather, report.headlines, report.rates) == (None, None, None)

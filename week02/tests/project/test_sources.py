"""Task 2: one request per source, validated at the boundary (unit tests, APIs mocked)."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

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
    mock_transport,
    respond,
    respond_text,
)


@pytest.fixture
def sources() -> ModuleType:
    return impl_module("week02", "aggregator.sources")


@pytest.fixture
def errors() -> ModuleType:
    return impl_module("week02", "aggregator.errors")


async def fetch_weather_with(handler: Handler, sources: ModuleType, config: ModuleType) -> object:
    async with httpx.AsyncClient(transport=mock_transport(weather=handler)) as client:
        return await sources.fetch_weather(client, WEATHER_URL, config.Location(52.52, 13.41))


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_weather_is_requested_with_the_location_and_mapped(
    sources: ModuleType, config: ModuleType
) -> None:
    seen: list[httpx.Request] = []
    async with httpx.AsyncClient(transport=mock_transport(seen=seen)) as client:
        weather = await sources.fetch_weather(client, WEATHER_URL, config.Location(52.52, 13.41))

    assert seen[0].url.path == "/v1/forecast"
    assert seen[0].url.params["latitude"] == "52.52"
    assert seen[0].url.params["longitude"] == "13.41"
    assert weather.temperature_c == 3.4
    assert weather.wind_speed_kmh == 12.6
    assert weather.conditions == "rain"  # WMO code 61
    assert weather.observed_at == "2026-01-05T12:00"


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("handler", "message"),
    [
        pytest.param(
            respond({"error": True}, status=503),
            f"HTTP 503 Service Unavailable from {WEATHER_URL}/forecast",
            id="http-error",
        ),
        pytest.param(fail_with(httpx.ReadTimeout), "timed out", id="timeout"),
        pytest.param(fail_with(httpx.ConnectError), "could not reach", id="unreachable"),
        pytest.param(respond_text("<html>Bad gateway</html>"), "not valid JSON", id="not-json"),
        pytest.param(respond_text('{"latitude": 52.5'), "not valid JSON", id="truncated-json"),
        pytest.param(
            respond({"latitude": 52.52, "longitude": 13.41}),
            "current: Field required",
            id="missing-field",
        ),
        pytest.param(
            respond(OPEN_METEO | {"latitude": "52.52"}),
            "latitude: Input should be a valid number",
            id="wrong-type",
        ),
        pytest.param(respond([1, 2, 3]), "unexpected response", id="wrong-shape"),
    ],
)
async def test_every_upstream_failure_becomes_a_source_error(
    sources: ModuleType, config: ModuleType, errors: ModuleType, handler: Handler, message: str
) -> None:
    with pytest.raises(errors.SourceError) as caught:
        await fetch_weather_with(handler, sources, config)

    assert message in str(caught.value)
    assert caught.value.__cause__ is not None  # the original error stays attached for debugging


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_headlines_are_the_best_first_and_limited_to_count(
    sources: ModuleType, client: httpx.AsyncClient
) -> None:
    headlines = await sources.fetch_headlines(client, NEWS_URL, 2)

    assert [h.points for h in headlines] == [310, 250]
    assert headlines[0].url is None  # "Ask HN" has no link, and that is fine
    assert headlines[1].title == "Python 3.14 released"


@pytest.mark.task(2)
@pytest.mark.points(1)
async def test_headlines_request_the_front_page(sources: ModuleType) -> None:
    seen: list[httpx.Request] = []
    async with httpx.AsyncClient(transport=mock_transport(seen=seen)) as client:
        await sources.fetch_headlines(client, NEWS_URL, 3)

    assert seen[0].url.path == "/api/v1/search"
    assert dict(seen[0].url.params) == {"tags": "front_page", "hitsPerPage": "3"}


@pytest.mark.task(2)
@pytest.mark.points(1)
async def test_a_headline_without_title_is_rejected(
    sources: ModuleType, errors: ModuleType
) -> None:
    broken = {"hits": [HACKER_NEWS["hits"][0] | {"title": None}]}  # type: ignore[index]
    async with httpx.AsyncClient(transport=mock_transport(news=respond(broken))) as client:
        with pytest.raises(errors.SourceError, match=r"hits\.0\.title"):
            await sources.fetch_headlines(client, NEWS_URL, 3)


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_rates_are_requested_for_the_symbols_and_kept_in_order(sources: ModuleType) -> None:
    seen: list[httpx.Request] = []
    async with httpx.AsyncClient(transport=mock_transport(seen=seen)) as client:
        rates = await sources.fetch_rates(client, RATES_URL, "EUR", ("USD", "GBP"))

    assert dict(seen[0].url.params) == {"base": "EUR", "symbols": "USD,GBP"}
    assert seen[0].url.path == "/v1/latest"
    assert rates.base == "EUR"
    assert rates.date == dt.date(2026, 1, 5)
    assert list(rates.rates.items()) == [("USD", 1.0871), ("GBP", 0.8312)]


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("payload", "message"),
    [
        pytest.param(FRANKFURTER | {"rates": {"USD": 1.08}}, "lacks GBP", id="missing-symbol"),
        pytest.param(FRANKFURTER | {"base": "USD"}, "got rates against USD", id="other-base"),
        pytest.param(
            FRANKFURTER | {"rates": {"USD": -1.0, "GBP": 0.8}},
            "rates.USD: Input should be greater than 0",
            id="negative-rate",
        ),
    ],
)
async def test_rates_that_do_not_answer_the_question_are_rejected(
    sources: ModuleType, errors: ModuleType, payload: object, message: str
) -> None:
    async with httpx.AsyncClient(transport=mock_transport(rates=respond(payload))) as client:
        with pytest.raises(errors.SourceError) as caught:
            await sources.fetch_rates(client, RATES_URL, "EUR", ("USD", "GBP"))

    assert message in str(caught.value)

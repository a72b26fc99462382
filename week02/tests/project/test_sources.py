"""Task 2: one request per source, validated at the boundary, retried when that may help.

Unit tests: the APIs are mocked with ``httpx.MockTransport``.
"""

from __future__ import annotations

import datetime as dt
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

ONE_DATE_TWO_VALUES = {
    "time": ["2026-01-05"],
    "weather_code": [61, 73],
    "temperature_2m_max": [4.1, 1.2],
    "temperature_2m_min": [-0.8, -3.4],
}


@pytest.fixture
def sources() -> ModuleType:
    return impl_module("week02", "aggregator.sources")


@pytest.fixture
def errors() -> ModuleType:
    return impl_module("week02", "aggregator.errors")


async def fetch_weather_with(
    handler: Handler, sources: ModuleType, config: ModuleType, days: int = 3, retries: int = 0
) -> Any:
    async with httpx.AsyncClient(transport=mock_transport(weather=handler)) as client:
        where = config.Location(52.52, 13.41)
        return await sources.fetch_weather(client, WEATHER_URL, where, days, retries)


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_weather_is_requested_with_the_location_and_mapped(
    sources: ModuleType, config: ModuleType
) -> None:
    seen: list[httpx.Request] = []
    async with httpx.AsyncClient(transport=mock_transport(seen=seen)) as client:
        weather = await sources.fetch_weather(client, WEATHER_URL, config.Location(52.52, 13.41), 3)

    assert seen[0].url.path == "/v1/forecast"
    assert dict(seen[0].url.params) == {
        "latitude": "52.52",
        "longitude": "13.41",
        "current": "temperature_2m,wind_speed_10m,weather_code",
        "daily": "weather_code,temperature_2m_max,temperature_2m_min",
        "forecast_days": "3",
        "timezone": "auto",
    }
    assert weather.temperature_c == 3.4
    assert weather.wind_speed_kmh == 12.6
    assert weather.conditions == "rain"  # WMO code 61
    assert weather.observed_at == "2026-01-05T12:00"


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_the_forecast_has_a_day_per_entry_of_the_lists(
    sources: ModuleType, config: ModuleType
) -> None:
    weather = await fetch_weather_with(respond(OPEN_METEO), sources, config)

    assert [(d.date, d.min_c, d.max_c, d.conditions) for d in weather.forecast] == [
        (dt.date(2026, 1, 5), -0.8, 4.1, "rain"),
        (dt.date(2026, 1, 6), -3.4, 1.2, "snow"),  # WMO 73: moderate snow
        (dt.date(2026, 1, 7), -2.0, 2.5, "overcast"),
    ]


@pytest.mark.task(2)
@pytest.mark.points(1)
async def test_a_forecast_of_another_length_than_asked_is_rejected(
    sources: ModuleType, config: ModuleType, errors: ModuleType
) -> None:
    with pytest.raises(errors.SourceError, match="asked for 2 days of forecast, got 3"):
        await fetch_weather_with(respond(OPEN_METEO), sources, config, days=2)


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
        pytest.param(
            respond(OPEN_METEO | {"daily": ONE_DATE_TWO_VALUES}),
            "daily: Value error, lists differ in length from the 1 dates",
            id="daily-lists-differ",
        ),
        pytest.param(
            respond({"latitude": "north", "longitude": None, "current": {}, "daily": {}}),
            "latitude: Input should be a valid number; longitude: Input should be a valid number;"
            " current.time: Field required (and 7 more)",
            id="many-problems",
        ),
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


@pytest.mark.task(2)
@pytest.mark.points(2)
@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(respond({"error": "busy"}, status=503), id="503"),
        pytest.param(respond({"error": "oops"}, status=500), id="500"),
        pytest.param(fail_with(httpx.ReadTimeout), id="timeout"),
        pytest.param(fail_with(httpx.ConnectError), id="unreachable"),
    ],
)
async def test_a_failure_that_may_pass_is_tried_again(
    sources: ModuleType, failure: Handler
) -> None:
    seen: list[httpx.Request] = []
    transport = mock_transport(news=in_turn(failure, respond(HACKER_NEWS)), seen=seen)
    async with httpx.AsyncClient(transport=transport) as client:
        headlines = await sources.fetch_headlines(client, NEWS_URL, 2, retries=1)

    assert len(seen) == 2
    assert [h.points for h in headlines] == [310, 250]


@pytest.mark.task(2)
@pytest.mark.points(1)
async def test_retries_stop_after_the_limit(sources: ModuleType, errors: ModuleType) -> None:
    seen: list[httpx.Request] = []
    transport = mock_transport(rates=respond({"error": "busy"}, status=503), seen=seen)
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(errors.SourceError) as caught:
            await sources.fetch_rates(client, RATES_URL, "EUR", ("USD",), retries=2)

    assert len(seen) == 3
    assert str(caught.value) == (
        f"HTTP 503 Service Unavailable from {RATES_URL}/latest (after 3 attempts)"
    )
    assert isinstance(caught.value.__cause__, httpx.HTTPStatusError)


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("answer", "message"),
    [
        pytest.param(respond({"message": "no such page"}, status=404), "HTTP 404", id="404"),
        pytest.param(respond_text("<html>Hi</html>"), "not valid JSON", id="not-json"),
        pytest.param(respond({"hits": [{"title": "x"}]}), "Field required", id="invalid"),
    ],
)
async def test_an_answer_that_would_not_change_is_not_retried(
    sources: ModuleType, errors: ModuleType, answer: Handler, message: str
) -> None:
    seen: list[httpx.Request] = []
    async with httpx.AsyncClient(transport=mock_transport(news=answer, seen=seen)) as client:
        with pytest.raises(errors.SourceError, match=message) as caught:
            await sources.fetch_headlines(client, NEWS_URL, 2, retries=2)

    assert len(seen) == 1
    assert "attempts" not in str(caught.value)

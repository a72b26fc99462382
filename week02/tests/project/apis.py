"""Stand-ins for the three public APIs: sample payloads and ``httpx.MockTransport`` handlers.

The samples are trimmed copies of real answers (extra fields kept on purpose: our models must
ignore what they do not need).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]

WEATHER_URL = "https://weather.test/v1"
NEWS_URL = "https://news.test/api/v1"
RATES_URL = "https://rates.test/v1"

OPEN_METEO = {
    "latitude": 52.52,
    "longitude": 13.419998,
    "generationtime_ms": 0.03,
    "timezone": "Europe/Berlin",
    "utc_offset_seconds": 3600,
    "current_units": {"temperature_2m": "°C", "wind_speed_10m": "km/h", "weather_code": "wmo code"},
    "current": {
        "time": "2026-01-05T12:00",
        "interval": 900,
        "temperature_2m": 3.4,
        "wind_speed_10m": 12.6,
        "weather_code": 61,
    },
    "daily_units": {"time": "iso8601", "temperature_2m_max": "°C", "temperature_2m_min": "°C"},
    "daily": {
        "time": ["2026-01-05", "2026-01-06", "2026-01-07"],
        "weather_code": [61, 73, 3],
        "temperature_2m_max": [4.1, 1.2, 2.5],
        "temperature_2m_min": [-0.8, -3.4, -2.0],
    },
}
HACKER_NEWS = {
    "hits": [
        {"title": "Show HN: A tiny HTTP server", "url": "https://example.org/a", "points": 120,
         "author": "alice", "objectID": "101", "num_comments": 40},
        {"title": "Ask HN: How do you debug async code?", "url": None, "points": 310,
         "author": "bob", "objectID": "102", "num_comments": 95},
        {"title": "Python 3.14 released", "url": "https://example.org/c", "points": 250,
         "author": "carol", "objectID": "103", "num_comments": 60},
    ],
    "nbHits": 30,
    "page": 0,
    "hitsPerPage": 3,
}  # fmt: skip
FRANKFURTER = {
    "amount": 1.0,
    "base": "EUR",
    "date": "2026-01-05",
    "rates": {"GBP": 0.8312, "JPY": 162.5, "USD": 1.0871},
}


def respond(payload: object, status: int = 200) -> Handler:
    """Answer every request with ``payload`` as JSON."""

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=payload)

    return handler


def respond_text(text: str, status: int = 200) -> Handler:
    """Answer with a non-JSON body (an HTML error page, a truncated document...)."""

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, text=text)

    return handler


def fail_with(error: type[httpx.TransportError]) -> Handler:
    """Raise what httpx raises for a timeout or a refused connection."""

    async def handler(request: httpx.Request) -> httpx.Response:
        raise error("simulated by the test", request=request)

    return handler


def in_turn(*handlers: Handler) -> Handler:
    """Answer the first request with the first handler, the next with the next; the last repeats."""
    calls = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return await handlers[min(calls, len(handlers)) - 1](request)

    return handler


def mock_transport(
    weather: Handler | None = None,
    news: Handler | None = None,
    rates: Handler | None = None,
    seen: list[httpx.Request] | None = None,
) -> httpx.MockTransport:
    """One transport for the three APIs, routed by host; records requests in ``seen``."""
    handlers = {
        httpx.URL(WEATHER_URL).host: weather or respond(OPEN_METEO),
        httpx.URL(NEWS_URL).host: news or respond(HACKER_NEWS),
        httpx.URL(RATES_URL).host: rates or respond(FRANKFURTER),
    }

    async def route(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return await handlers[request.url.host](request)

    return httpx.MockTransport(route)

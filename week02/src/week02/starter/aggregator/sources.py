"""The three sources: build the request, validate the answer, map it to our own models."""

from __future__ import annotations

import httpx

from .config import Location
from .errors import SourceError
from .fetch import Params, get_model
from .models import (
    DayForecast,
    FrankfurterResponse,
    HackerNewsResponse,
    Headline,
    OpenMeteoResponse,
    Rates,
    Weather,
)

# WMO weather interpretation codes, as Open-Meteo documents them (grouped by their first code).
CONDITIONS = (
    (0, "clear sky"),
    (1, "mainly clear"),
    (2, "partly cloudy"),
    (3, "overcast"),
    (45, "fog"),
    (51, "drizzle"),
    (61, "rain"),
    (71, "snow"),
    (80, "rain showers"),
    (85, "snow showers"),
    (95, "thunderstorm"),
)


def conditions(code: int) -> str:
    """The description of the highest group that ``code`` reaches (e.g. 63 -> rain)."""
    return [text for first, text in CONDITIONS if code >= first][-1]


def _url(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}/{path}"


async def fetch_weather(
    client: httpx.AsyncClient, base_url: str, where: Location, days: int, retries: int = 0
) -> Weather:
    """Current weather at ``where`` and a forecast of ``days`` days (today first), from Open-Meteo.

    WMO codes become words (``conditions``); an answer with another number of days than asked for
    is a ``SourceError``.
    """
    raise NotImplementedError("TODO: GET forecast; check the number of days; map to a Weather")


async def fetch_headlines(
    client: httpx.AsyncClient, base_url: str, count: int, retries: int = 0
) -> list[Headline]:
    """The first ``count`` stories of the Hacker News front page, best first."""
    raise NotImplementedError("TODO: GET search (front page); best `count` hits as Headlines")


async def fetch_rates(
    client: httpx.AsyncClient,
    base_url: str,
    base: str,
    symbols: tuple[str, ...],
    retries: int = 0,
) -> Rates:
    """Latest rates of ``symbols`` against ``base``; every requested symbol must be present."""
    raise NotImplementedError("TODO: GET latest; SourceError: other base or a symbol missing")

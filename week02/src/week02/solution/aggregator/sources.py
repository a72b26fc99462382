"""The three sources: build the request, validate the answer, map it to our own models."""

from __future__ import annotations

import httpx

from .config import Location
from .errors import SourceError
from .fetch import Params, get_model
from .models import (
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


async def fetch_weather(client: httpx.AsyncClient, base_url: str, where: Location) -> Weather:
    """Current weather from Open-Meteo (a worked example for the other two sources)."""
    params: Params = {
        "latitude": where.latitude,
        "longitude": where.longitude,
        "current": "temperature_2m,wind_speed_10m,weather_code",
    }
    data = await get_model(client, _url(base_url, "forecast"), OpenMeteoResponse, params)
    return Weather(
        latitude=data.latitude,
        longitude=data.longitude,
        observed_at=data.current.time,
        temperature_c=data.current.temperature_2m,
        wind_speed_kmh=data.current.wind_speed_10m,
        conditions=conditions(data.current.weather_code),
    )


async def fetch_headlines(client: httpx.AsyncClient, base_url: str, count: int) -> list[Headline]:
    """The first ``count`` stories of the Hacker News front page, best first."""
    # BEGIN SOLUTION GET search (front page); best `count` hits as Headlines
    params: Params = {"tags": "front_page", "hitsPerPage": count}
    data = await get_model(client, _url(base_url, "search"), HackerNewsResponse, params)
    hits = sorted(data.hits, key=lambda hit: hit.points, reverse=True)[:count]
    return [Headline(title=h.title, url=h.url, points=h.points, author=h.author) for h in hits]
    # END SOLUTION


async def fetch_rates(
    client: httpx.AsyncClient, base_url: str, base: str, symbols: tuple[str, ...]
) -> Rates:
    """Latest rates of ``symbols`` against ``base``; every requested symbol must be present."""
    # BEGIN SOLUTION GET latest; SourceError if a symbol is missing
    params = {"base": base, "symbols": ",".join(symbols)}
    data = await get_model(client, _url(base_url, "latest"), FrankfurterResponse, params)
    missing = [symbol for symbol in symbols if symbol not in data.rates]
    if data.base != base:
        raise SourceError(f"asked for rates against {base}, got rates against {data.base}")
    if missing:
        raise SourceError(f"rates response lacks {', '.join(missing)}")
    return Rates(base=data.base, date=data.date, rates={s: data.rates[s] for s in symbols})
    # END SOLUTION

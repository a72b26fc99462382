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
    # BEGIN SOLUTION GET forecast; check the number of days; map to a Weather
    params: Params = {
        "latitude": where.latitude,
        "longitude": where.longitude,
        "current": "temperature_2m,wind_speed_10m,weather_code",
        "daily": "weather_code,temperature_2m_max,temperature_2m_min",
        "forecast_days": days,
        "timezone": "auto",
    }
    data = await get_model(client, _url(base_url, "forecast"), OpenMeteoResponse, params, retries)
    daily = data.daily
    if len(daily.time) != days:
        raise SourceError(f"asked for {days} days of forecast, got {len(daily.time)}")
    forecast = [
        DayForecast(date=date, min_c=low, max_c=high, conditions=conditions(code))
        for date, low, high, code in zip(
            daily.time,
            daily.temperature_2m_min,
            daily.temperature_2m_max,
            daily.weather_code,
            strict=True,
        )
    ]
    return Weather(
        latitude=data.latitude,
        longitude=data.longitude,
        observed_at=data.current.time,
        temperature_c=data.current.temperature_2m,
        wind_speed_kmh=data.current.wind_speed_10m,
        conditions=conditions(data.current.weather_code),
        forecast=forecast,
    )
    # END SOLUTION


async def fetch_headlines(
    client: httpx.AsyncClient, base_url: str, count: int, retries: int = 0
) -> list[Headline]:
    """The first ``count`` stories of the Hacker News front page, best first."""
    # BEGIN SOLUTION GET search (front page); best `count` hits as Headlines
    params: Params = {"tags": "front_page", "hitsPerPage": count}
    data = await get_model(client, _url(base_url, "search"), HackerNewsResponse, params, retries)
    hits = sorted(data.hits, key=lambda hit: hit.points, reverse=True)[:count]
    return [Headline(title=h.title, url=h.url, points=h.points, author=h.author) for h in hits]
    # END SOLUTION


async def fetch_rates(
    client: httpx.AsyncClient,
    base_url: str,
    base: str,
    symbols: tuple[str, ...],
    retries: int = 0,
) -> Rates:
    """Latest rates of ``symbols`` against ``base``; every requested symbol must be present."""
    # BEGIN SOLUTION GET latest; SourceError: other base or a symbol missing
    params = {"base": base, "symbols": ",".join(symbols)}
    data = await get_model(client, _url(base_url, "latest"), FrankfurterResponse, params, retries)
    missing = [symbol for symbol in symbols if symbol not in data.rates]
    if data.base != base:
        raise SourceError(f"asked for rates against {base}, got rates against {data.base}")
    if missing:
        raise SourceError(f"rates response lacks {', '.join(missing)}")
    return Rates(base=data.base, date=data.date, rates={s: data.rates[s] for s in symbols})
    # END SOLUTION

"""What the user asks for, parsed and checked before any request is sent."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

# Base URLs of the real APIs. Each can be overridden by an option or an environment variable,
# which is how the tests point the CLI at local servers instead of the internet.
DEFAULT_URLS = {
    "weather": "https://api.open-meteo.com/v1",
    "news": "https://hn.algolia.com/api/v1",
    "rates": "https://api.frankfurter.dev/v1",
}
ENV_VARS = {name: f"AGGREGATOR_{name.upper()}_URL" for name in DEFAULT_URLS}
MAX_HEADLINES = 30
MAX_DAYS = 16  # Open-Meteo forecasts at most 16 days
MAX_RETRIES = 3
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Query:
    """Everything the three sources need to know."""

    location: Location
    base_currency: str
    currencies: tuple[str, ...]
    headlines: int
    days: int  # of weather forecast, today included
    retries: int = 0  # extra attempts after a failure that may pass (a timeout, a 503)
    sources: tuple[str, ...] = tuple(DEFAULT_URLS)  # the sources to ask: all by default


@dataclass(frozen=True)
class BaseUrls:
    weather: str
    news: str
    rates: str


def default_url(source: str, env: Mapping[str, str]) -> str:
    """The base URL of ``source``: its environment variable if set, else the real API."""
    return env.get(ENV_VARS[source]) or DEFAULT_URLS[source]


def parse_location(text: str) -> Location:
    """``"52.52,13.41"`` -> ``Location(52.52, 13.41)``; ``ValueError`` naming the problem."""
    # BEGIN SOLUTION split LAT,LON, convert both to float and check their ranges
    parts = text.split(",")
    try:
        latitude, longitude = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"expected LAT,LON such as 52.52,13.41, got {text!r}") from None
    if not -90 <= latitude <= 90:
        raise ValueError(f"latitude must be between -90 and 90, got {latitude}")
    if not -180 <= longitude <= 180:
        raise ValueError(f"longitude must be between -180 and 180, got {longitude}")
    return Location(latitude, longitude)
    # END SOLUTION


def parse_currency(text: str) -> str:
    """``"usd"`` -> ``"USD"``; a currency is three letters (ISO 4217)."""
    # BEGIN SOLUTION upper-case and check the three-letter ISO 4217 shape
    code = text.strip().upper()
    if not _CURRENCY.match(code):
        raise ValueError(f"a currency is a three-letter code such as USD, got {text!r}")
    return code
    # END SOLUTION


def parse_currencies(text: str) -> tuple[str, ...]:
    """``"usd,GBP"`` -> ``("USD", "GBP")``: at least one, no duplicates, order kept."""
    # BEGIN SOLUTION parse each comma-separated code; reject duplicates
    codes = tuple(parse_currency(part) for part in text.split(","))
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ValueError(f"currency listed twice: {', '.join(duplicates)}")
    return codes
    # END SOLUTION


def parse_sources(text: str) -> tuple[str, ...]:
    """``"Rates,weather"`` -> ``("rates", "weather")``: names of ``DEFAULT_URLS``, no duplicates."""
    # BEGIN SOLUTION lower-case each name; reject unknown names and duplicates
    names = tuple(part.strip().lower() for part in text.split(","))
    for name in names:
        if name not in DEFAULT_URLS:
            raise ValueError(f"unknown source {name!r}; the sources are {', '.join(DEFAULT_URLS)}")
        if names.count(name) > 1:
            raise ValueError(f"source listed twice: {name}")
    return names
    # END SOLUTION


def parse_base_url(text: str) -> str:
    """An absolute http(s) URL; anything else is a ``ValueError``."""
    # BEGIN SOLUTION parse with httpx.URL; ValueError unless http(s) with a host
    problem = ValueError(f"expected an http(s) URL such as https://example.org/v1, got {text!r}")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise problem from None
    if url.scheme not in ("http", "https") or not url.host:
        raise problem
    return text
    # END SOLUTION

"""Typed models: what each API must send us, and the report we build from it.

The ``*Response`` models describe third-party JSON. They are strict (no "5.2" for a float) and are
validated straight from the response bytes, so malformed JSON, missing fields and wrong types all
surface as one ``pydantic.ValidationError`` at the boundary instead of a ``KeyError`` deep inside.
Unknown extra fields are ignored: APIs add fields all the time, and that must not break us.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, PositiveFloat


class ApiModel(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True)


class OpenMeteoCurrent(ApiModel):
    time: str
    temperature_2m: float
    wind_speed_10m: float = Field(ge=0)
    weather_code: int = Field(ge=0, le=99)


class OpenMeteoResponse(ApiModel):
    """``GET /v1/forecast?latitude=..&longitude=..&current=...`` (Open-Meteo)."""

    latitude: float
    longitude: float
    current: OpenMeteoCurrent


class HackerNewsHit(ApiModel):
    title: str = Field(min_length=1)
    url: str | None = None  # "Ask HN" posts link to nothing
    points: int = Field(ge=0)
    author: str


class HackerNewsResponse(ApiModel):
    """``GET /api/v1/search?tags=front_page&hitsPerPage=N`` (Hacker News search by Algolia)."""

    hits: list[HackerNewsHit]


class FrankfurterResponse(ApiModel):
    """``GET /v1/latest?base=EUR&symbols=USD,GBP`` (Frankfurter, ECB reference rates)."""

    base: str = Field(pattern=r"^[A-Z]{3}$")
    date: dt.date
    rates: dict[str, PositiveFloat]


class Weather(BaseModel):
    latitude: float
    longitude: float
    observed_at: str
    temperature_c: float
    wind_speed_kmh: float
    conditions: str


class Headline(BaseModel):
    title: str
    url: str | None
    points: int
    author: str


class Rates(BaseModel):
    base: str
    date: dt.date
    rates: dict[str, float]


class Report(BaseModel):
    """The combined result: a section per source, or an error message naming why it is missing."""

    weather: Weather | None = None
    headlines: list[Headline] | None = None
    rates: Rates | None = None
    errors: dict[str, str] = Field(default_factory=dict)

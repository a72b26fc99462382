"""Typed models: what each API must send us, and the report we build from it.

The ``*Response`` models describe third-party JSON. They are strict (no "5.2" for a float) and are
validated straight from the response bytes, so malformed JSON, missing fields and wrong types all
surface as one ``pydantic.ValidationError`` at the boundary instead of a ``KeyError`` deep inside.
Unknown extra fields are ignored: APIs add fields all the time, and that must not break us.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, PositiveFloat, model_validator

WeatherCode = Annotated[int, Field(ge=0, le=99)]  # WMO weather interpretation code


class ApiModel(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True)


class OpenMeteoCurrent(ApiModel):
    """The time, temperature, wind speed (never negative) and WMO weather code (0-99)."""

    # BEGIN SOLUTION
    time: str
    temperature_2m: float
    wind_speed_10m: float = Field(ge=0)
    weather_code: WeatherCode
    # REPLACE WITH
    # # TODO: the four fields of "current", with the constraints above (Field(...))
    # END SOLUTION


class OpenMeteoDaily(ApiModel):
    """Lists in step, one entry per day: entry i of each list is about the date ``time[i]``.

    Lists of different lengths are an invalid answer (a ``model_validator`` says which).
    """

    # BEGIN SOLUTION
    time: list[dt.date]
    temperature_2m_max: list[float]
    temperature_2m_min: list[float]
    weather_code: list[WeatherCode]

    @model_validator(mode="after")
    def lists_in_step(self) -> Self:
        lists = (self.temperature_2m_max, self.temperature_2m_min, self.weather_code)
        if any(len(values) != len(self.time) for values in lists):
            raise ValueError(f"lists differ in length from the {len(self.time)} dates")
        return self

    # REPLACE WITH
    # # TODO: the four lists, and a model_validator that they have the same length
    # END SOLUTION


class OpenMeteoResponse(ApiModel):
    """``GET /v1/forecast?latitude=..&longitude=..&current=...&daily=...`` (Open-Meteo)."""

    # BEGIN SOLUTION
    latitude: float
    longitude: float
    current: OpenMeteoCurrent
    daily: OpenMeteoDaily
    # REPLACE WITH
    # # TODO: the coordinates, "current" and "daily"
    # END SOLUTION


class HackerNewsHit(ApiModel):
    """One story: a non-empty title, an optional link, points (never negative) and an author."""

    # BEGIN SOLUTION
    title: str = Field(min_length=1)
    url: str | None = None  # "Ask HN" posts link to nothing
    points: int = Field(ge=0)
    author: str
    # REPLACE WITH
    # # TODO: the fields a Headline needs, with the constraints above (Field(...))
    # END SOLUTION


class HackerNewsResponse(ApiModel):
    """``GET /api/v1/search?tags=front_page&hitsPerPage=N`` (Hacker News search by Algolia)."""

    # BEGIN SOLUTION
    hits: list[HackerNewsHit]
    # REPLACE WITH
    # # TODO: the list of hits
    # END SOLUTION


class FrankfurterResponse(ApiModel):
    """``GET /v1/latest?base=EUR&symbols=USD,GBP`` (Frankfurter, ECB reference rates).

    A three-letter base currency, the date of the rates, and each rate above 0 by currency code.
    """

    # BEGIN SOLUTION
    base: str = Field(pattern=r"^[A-Z]{3}$")
    date: dt.date
    rates: dict[str, PositiveFloat]
    # REPLACE WITH
    # # TODO: base, date and rates, with the constraints above
    # END SOLUTION


class DayForecast(BaseModel):
    """One day of the forecast (an entry of the brief's "forecast" list)."""

    # BEGIN SOLUTION
    date: dt.date
    min_c: float
    max_c: float
    conditions: str
    # REPLACE WITH
    # # TODO: the four fields of an entry of the brief's "forecast" list
    # END SOLUTION


class Weather(BaseModel):
    """The report's weather section (the brief's ``--json`` example shows its keys)."""

    # BEGIN SOLUTION
    latitude: float
    longitude: float
    observed_at: str
    temperature_c: float
    wind_speed_kmh: float
    conditions: str
    forecast: list[DayForecast]
    # REPLACE WITH
    # # TODO: the seven fields of the brief's "weather" object
    # END SOLUTION


class Headline(BaseModel):
    """One headline; ``url`` is ``None`` for a post that links nowhere ("Ask HN")."""

    # BEGIN SOLUTION
    title: str
    url: str | None
    points: int
    author: str
    # REPLACE WITH
    # # TODO: the four fields of an entry of the brief's "headlines" list
    # END SOLUTION


class Rates(BaseModel):
    """Exchange rates: how much of each currency one unit of ``base`` buys on ``date``."""

    # BEGIN SOLUTION
    base: str
    date: dt.date
    rates: dict[str, float]
    # REPLACE WITH
    # # TODO: the three fields of the brief's "rates" object
    # END SOLUTION


class Report(BaseModel):
    """The combined result: a section per source, or an error message naming why it is missing.

    Every section is ``None`` (``null`` in JSON) unless its source answered; ``errors`` maps the
    name of each failed source (``weather``, ``news``, ``rates``) to its message.
    """

    # BEGIN SOLUTION
    weather: Weather | None = None
    headlines: list[Headline] | None = None
    rates: Rates | None = None
    errors: dict[str, str] = Field(default_factory=dict)
    # REPLACE WITH
    # # TODO: the four keys of the brief's report, each with its default
    # END SOLUTION

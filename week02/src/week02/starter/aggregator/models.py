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

    # TODO: the four fields of "current", with the constraints above (Field(...))


class OpenMeteoDaily(ApiModel):
    """Lists in step, one entry per day: entry i of each list is about the date ``time[i]``.

    Lists of different lengths are an invalid answer (a ``model_validator`` says which).
    """

    # TODO: the four lists, and a model_validator that they have the same length


class OpenMeteoResponse(ApiModel):
    """``GET /v1/forecast?latitude=..&longitude=..&current=...&daily=...`` (Open-Meteo)."""

    # TODO: the coordinates, "current" and "daily"


class HackerNewsHit(ApiModel):
    """One story: a non-empty title, an optional link, points (never negative) and an author."""

    # TODO: the fields a Headline needs, with the constraints above (Field(...))


class HackerNewsResponse(ApiModel):
    """``GET /api/v1/search?tags=front_page&hitsPerPage=N`` (Hacker News search by Algolia)."""

    # TODO: the list of hits


class FrankfurterResponse(ApiModel):
    """``GET /v1/latest?base=EUR&symbols=USD,GBP`` (Frankfurter, ECB reference rates).

    A three-letter base currency, the date of the rates, and each rate above 0 by currency code.
    """

    # TODO: base, date and rates, with the constraints above


class DayForecast(BaseModel):
    """One day of the forecast (an entry of the brief's "forecast" list)."""

    # TODO: the four fields of an entry of the brief's "forecast" list


class Weather(BaseModel):
    """The report's weather section (the brief's ``--json`` example shows its keys)."""

    # TODO: the seven fields of the brief's "weather" object


class Headline(BaseModel):
    """One headline; ``url`` is ``None`` for a post that links nowhere ("Ask HN")."""

    # TODO: the four fields of an entry of the brief's "headlines" list


class Rates(BaseModel):
    """Exchange rates: how much of each currency one unit of ``base`` buys on ``date``."""

    # TODO: the three fields of the brief's "rates" object


class Report(BaseModel):
    """The combined result: a section per source, or an error message naming why it is missing.

    Every section is ``None`` (``null`` in JSON) unless its source answered; ``errors`` maps the
    name of each failed source (``weather``, ``news``, ``rates``) to its message.
    """

    # TODO: the four keys of the brief's report, each with its default

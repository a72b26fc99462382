"""Open-Meteo's documented forecast shape (https://open-meteo.com/en/docs): columns, not rows.
``hourly`` holds one list per variable, aligned by index with ``time`` (local to
``utc_offset_seconds``, no offset of its own); missing values are null. Example: the week's README."""

from datetime import datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

UNITS = {"temperature_2m": "°C", "precipitation": "mm", "wind_speed_10m": "km/h"}


class Hourly(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    # TODO: time and the three variables: lists aligned by index, null allowed

    @model_validator(mode="after")
    def columns_align(self) -> Self:
        raise NotImplementedError("TODO: every column as long as time, else ValueError")


class Forecast(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    # TODO: latitude, longitude (in range), utc_offset_seconds, hourly_units, hourly

    @model_validator(mode="after")
    def units_we_expect(self) -> Self:
        # A silent change of unit (°F) would corrupt every stored value: refuse it.
        raise NotImplementedError("TODO: each variable in UNITS has its unit, else ValueError")

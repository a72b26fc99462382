"""Open-Meteo's documented forecast shape (https://open-meteo.com/en/docs): columns, not rows.
``hourly`` holds one list per variable, aligned by index with ``time`` (local to
``utc_offset_seconds``, no offset of its own); missing values are null. Example: the week's README."""

from datetime import datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

UNITS = {"temperature_2m": "°C", "precipitation": "mm", "wind_speed_10m": "km/h"}


class Hourly(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    # BEGIN SOLUTION time and the three variables: lists aligned by index, null allowed
    time: list[datetime]
    temperature_2m: list[float | None]
    precipitation: list[float | None]
    wind_speed_10m: list[float | None]
    # END SOLUTION

    @model_validator(mode="after")
    def columns_align(self) -> Self:
        # BEGIN SOLUTION every column as long as time, else ValueError
        lengths = {len(self.time), len(self.temperature_2m), len(self.precipitation),
                   len(self.wind_speed_10m)}  # fmt: skip
        if len(lengths) != 1:
            raise ValueError(f"hourly columns differ in length: {sorted(lengths)}")
        return self
        # END SOLUTION


class Forecast(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    # BEGIN SOLUTION latitude, longitude (in range), utc_offset_seconds, hourly_units, hourly
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    utc_offset_seconds: int = 0
    hourly_units: dict[str, str]
    hourly: Hourly
    # END SOLUTION

    @model_validator(mode="after")
    def units_we_expect(self) -> Self:
        # A silent change of unit (°F) would corrupt every stored value: refuse it.
        # BEGIN SOLUTION each variable in UNITS has its unit, else ValueError
        for variable, unit in UNITS.items():
            if self.hourly_units.get(variable) != unit:
                raise ValueError(f"{variable} in {self.hourly_units.get(variable)!r}, not {unit}")
        return self
        # END SOLUTION

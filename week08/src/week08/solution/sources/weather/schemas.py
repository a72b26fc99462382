"""Open-Meteo's forecast shape, as documented: https://open-meteo.com/en/docs

``GET /v1/forecast?latitude=52.52&longitude=13.41&hourly=temperature_2m,precipitation,
wind_speed_10m&forecast_days=1&timezone=UTC`` answers::

    {"latitude": 52.52, "longitude": 13.419998, "generationtime_ms": 0.05, "utc_offset_seconds": 0,
     "timezone": "GMT", "timezone_abbreviation": "GMT", "elevation": 38.0,
     "hourly_units": {"time": "iso8601", "temperature_2m": "°C", "precipitation": "mm",
                      "wind_speed_10m": "km/h"},
     "hourly": {"time": ["2026-12-01T00:00", ...], "temperature_2m": [3.1, ...],
                "precipitation": [0.0, ...], "wind_speed_10m": [11.2, ...]}}

Columns, not rows: every ``hourly`` list is one variable, aligned by index with ``time``. Missing
values are ``null``. Times are local to ``utc_offset_seconds`` and carry no offset themselves.
Errors are HTTP 400 with ``{"error": true, "reason": "..."}``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

UNITS = {"temperature_2m": "°C", "precipitation": "mm", "wind_speed_10m": "km/h"}


class Hourly(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    time: list[datetime]
    temperature_2m: list[float | None]
    precipitation: list[float | None]
    wind_speed_10m: list[float | None]

    @model_validator(mode="after")
    def columns_align(self) -> Self:
        lengths = {len(self.time), len(self.temperature_2m), len(self.precipitation),
                   len(self.wind_speed_10m)}  # fmt: skip
        if len(lengths) != 1:
            raise ValueError(f"hourly columns differ in length: {sorted(lengths)}")
        return self


class Forecast(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    utc_offset_seconds: int = 0
    hourly_units: dict[str, str]
    hourly: Hourly

    @model_validator(mode="after")
    def units_we_expect(self) -> Self:
        # A silent change of unit (°F) would corrupt every stored value: refuse it.
        for variable, unit in UNITS.items():
            if self.hourly_units.get(variable) != unit:
                raise ValueError(f"{variable} in {self.hourly_units.get(variable)!r}, not {unit}")
        return self

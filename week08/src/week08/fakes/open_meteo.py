"""A fake Open-Meteo forecast API (``GET /v1/forecast``), deterministic: the values are a function
of the coordinates and the hour, so every run stores the same forecasts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit.fake_upstream import FakeUpstream, RateLimit

UNITS = {"temperature_2m": "°C", "precipitation": "mm", "wind_speed_10m": "km/h"}


def forecast(
    latitude: float, longitude: float, day: str = "2026-12-01", hours: int = 24
) -> dict[str, Any]:
    """The documented response for ``hourly=temperature_2m,precipitation,wind_speed_10m``."""
    start = datetime.fromisoformat(day)
    times = [(start + timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M") for h in range(hours)]
    base = round(15 - abs(latitude) / 4, 1)
    return {
        "latitude": latitude,
        "longitude": longitude,
        "generationtime_ms": 0.05,
        "utc_offset_seconds": 0,
        "timezone": "GMT",
        "timezone_abbreviation": "GMT",
        "elevation": 38.0,
        "hourly_units": {"time": "iso8601", **UNITS},
        "hourly": {
            "time": times,
            "temperature_2m": [round(base + (h % 12) / 2, 1) for h in range(hours)],
            "precipitation": [0.1 * (h % 3) for h in range(hours)],
            "wind_speed_10m": [round(10 + (h % 5) * 1.5, 1) for h in range(hours)],
        },
    }


@dataclass
class FakeOpenMeteo:
    day: str = "2026-12-01"
    overrides: dict[tuple[float, float], Any] = field(default_factory=dict)  # exact bodies

    def routes(self) -> list[Route]:
        return [Route("/v1/forecast", self.get_forecast)]

    def upstream(self, rate_limit: RateLimit | None = None) -> FakeUpstream:
        return FakeUpstream(self.routes(), rate_limit=rate_limit)

    async def get_forecast(self, request: Request) -> JSONResponse:
        try:
            latitude = float(request.query_params["latitude"])
            longitude = float(request.query_params["longitude"])
        except (KeyError, ValueError):
            reason = "Parameter 'latitude' and 'longitude' must be set and numeric"
            return JSONResponse({"error": True, "reason": reason}, status_code=400)
        if (latitude, longitude) in self.overrides:
            return JSONResponse(self.overrides[(latitude, longitude)])
        return JSONResponse(forecast(latitude, longitude, self.day))

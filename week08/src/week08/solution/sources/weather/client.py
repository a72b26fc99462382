"""Syncing Open-Meteo: one forecast request per configured place, no cursor, no ETag."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from ...items.schemas import ItemIn
from ...resilience.client import ResilientClient
from ...resilience.clock import Now, wall_clock
from ...settings import Place
from ..base import FetchResult, convert_all, json_body
from .normalize import normalize_forecast
from .schemas import UNITS, Forecast


def forecast_items(record: object, place: Place, fetched_at: datetime) -> list[ItemIn]:
    return normalize_forecast(place, Forecast.model_validate(record), fetched_at)


class WeatherSource:
    name = "weather"

    def __init__(
        self, client: ResilientClient, *, places: tuple[Place, ...], now: Now = wall_clock
    ) -> None:
        self.client = client
        self.places = places
        self.now = now

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult:
        """Every place's forecast. Open-Meteo sends no ETag: each sync re-reads it all, and the
        upsert's "changed?" test keeps unchanged hours from being rewritten."""
        # BEGIN SOLUTION GET /v1/forecast per place (lat, lon, hourly vars, UTC); convert each
        result = FetchResult(cursor=cursor, etag=etag)
        fetched_at = datetime.fromtimestamp(self.now(), UTC)
        for place in self.places:
            params: dict[str, str | int] = {
                "latitude": str(place.latitude),
                "longitude": str(place.longitude),
                "hourly": ",".join(UNITS),
                "forecast_days": 1,
                "timezone": "UTC",
            }
            response = await self.client.request("GET", "/v1/forecast", params=params)
            data = json_body(response, self.name)
            convert = partial(forecast_items, place=place, fetched_at=fetched_at)
            result.add(*convert_all(self.name, [data], convert))
        return result
        # END SOLUTION

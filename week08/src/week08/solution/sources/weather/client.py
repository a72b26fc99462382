"""Syncing Open-Meteo: one forecast request per configured place, no cursor, no ETag."""

import asyncio
from datetime import UTC, datetime
from functools import partial

from ...items.schemas import ItemIn
from ...resilience.client import ResilientClient
from ...resilience.clock import Now, wall_clock
from ...resilience.errors import UpstreamError
from ...settings import Place
from ..base import FetchResult, convert_all, json_body
from .normalize import normalize_forecast
from .schemas import UNITS, Forecast


def forecast_items(record: object, place: Place, fetched_at: datetime) -> list[ItemIn]:
    # BEGIN SOLUTION validate as Forecast, normalise
    return normalize_forecast(place, Forecast.model_validate(record), fetched_at)
    # END SOLUTION


class WeatherSource:
    name = "weather"

    def __init__(
        self, client: ResilientClient, *, places: tuple[Place, ...], now: Now = wall_clock
    ) -> None:
        # BEGIN SOLUTION keep the arguments
        self.client = client
        self.places = places
        self.now = now
        # END SOLUTION

    async def forecast(self, place: Place) -> object:
        """The raw forecast JSON of one place (hourly, UTC, one day)."""
        # BEGIN SOLUTION GET /v1/forecast: lat, lon, UNITS, UTC, 1 day
        params: dict[str, str | int] = {
            "latitude": str(place.latitude),
            "longitude": str(place.longitude),
            "hourly": ",".join(UNITS),
            "forecast_days": 1,
            "timezone": "UTC",
        }
        response = await self.client.request("GET", "/v1/forecast", params=params)
        return json_body(response, self.name)
        # END SOLUTION

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult:
        """Every place's forecast. Open-Meteo sends no ETag: each sync re-reads it all, and the
        upsert's "changed?" test keeps unchanged hours from being rewritten."""
        # BEGIN SOLUTION every place in a TaskGroup; convert each
        result = FetchResult(cursor=cursor, etag=etag)
        fetched_at = datetime.fromtimestamp(self.now(), UTC)
        try:
            async with asyncio.TaskGroup() as group:  # the places at once, on the shared client
                tasks = [group.create_task(self.forecast(place)) for place in self.places]
        except* UpstreamError as failed:  # a TaskGroup raises an ExceptionGroup: unwrap it
            raise failed.exceptions[0] from None
        for place, task in zip(self.places, tasks, strict=True):
            convert = partial(forecast_items, place=place, fetched_at=fetched_at)
            result.add(*convert_all(self.name, [task.result()], convert))
        return result
        # END SOLUTION

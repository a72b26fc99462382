"""An Open-Meteo forecast (columns) -> one ``ItemIn`` per place and hour (rows)."""

from datetime import UTC, datetime, timedelta

from ...items.schemas import ItemIn, ItemKind, SourceName
from ...settings import Place
from .schemas import Forecast


def normalize_forecast(place: Place, forecast: Forecast, fetched_at: datetime) -> list[ItemIn]:
    """Hours with no temperature are skipped (the API's way of saying "no data")."""
    # BEGIN SOLUTION zip columns; local - offset = UTC; skip nulls
    offset = timedelta(seconds=forecast.utc_offset_seconds)
    hourly = forecast.hourly
    items = []
    for local, temperature, precipitation, wind in zip(
        hourly.time, hourly.temperature_2m, hourly.precipitation, hourly.wind_speed_10m,
        strict=True,
    ):  # fmt: skip
        if temperature is None:
            continue
        at = (local - offset).replace(tzinfo=UTC)
        items.append(
            ItemIn(
                source=SourceName.WEATHER,
                kind=ItemKind.FORECAST,
                external_id=f"{place.name}@{at:%Y-%m-%dT%H:%M}Z",
                title=f"{place.name} {at:%Y-%m-%d %H:%M} UTC: {temperature:.1f} °C",
                occurred_at=at,
                source_updated_at=fetched_at,
                attributes={
                    "place": place.name,
                    "latitude": forecast.latitude,
                    "longitude": forecast.longitude,
                    "temperature_c": temperature,
                    "precipitation_mm": precipitation,
                    "wind_speed_kmh": wind,
                },
            )
        )
    return items
    # END SOLUTION

"""An Open-Meteo forecast (columns) -> one ``ItemIn`` per place and hour (rows)."""

from datetime import UTC, datetime, timedelta

from ...items.schemas import ItemIn, ItemKind, SourceName
from ...settings import Place
from .schemas import Forecast


def normalize_forecast(place: Place, forecast: Forecast, fetched_at: datetime) -> list[ItemIn]:
    """Hours with no temperature are skipped (the API's way of saying "no data")."""
    raise NotImplementedError("TODO: zip columns; local - offset = UTC; skip nulls")

"""All SQL of the seen-event store."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from .models import WebhookEvent


class WebhookEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        raise NotImplementedError("TODO: keep the session")

    async def claim(self, event_id: str, event_type: str) -> bool:
        """Record the event as seen; False if it already was (a retry or a replay).

        One statement, ``INSERT ... ON CONFLICT DO NOTHING RETURNING``: atomic, so two deliveries
        of the same event at the same moment cannot both win (a SELECT first, then an INSERT, could).
        """
        raise NotImplementedError("TODO: INSERT ON CONFLICT DO NOTHING RETURNING")

    async def prune(self, before: datetime) -> int:
        """Forget events received before ``before``; return how many. Keeps the store small."""
        raise NotImplementedError("TODO: DELETE the rows received before; the result's rowcount")

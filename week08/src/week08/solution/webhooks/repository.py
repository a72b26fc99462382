"""All SQL of the seen-event store."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from .models import WebhookEvent


class WebhookEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, event_id: str, event_type: str) -> bool:
        """Record the event as seen; False if it already was (a retry or a replay).

        One statement, ``INSERT ... ON CONFLICT DO NOTHING RETURNING``: atomic, so two deliveries
        of the same event at the same moment cannot both win (a SELECT first, then an INSERT, could).
        """
        # BEGIN SOLUTION insert on conflict do nothing returning the id; True if a row came back
        stmt = (
            insert(WebhookEvent)
            .values(event_id=event_id, type=event_type)
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(WebhookEvent.event_id)
        )
        return (await self.session.scalar(stmt)) is not None
        # END SOLUTION

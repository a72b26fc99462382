"""All SQL of the seen-event store."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from .models import WebhookEvent


class WebhookEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        # BEGIN SOLUTION keep the session
        self.session = session
        # END SOLUTION

    async def claim(self, event_id: str, event_type: str) -> bool:
        """Record the event as seen; False if it already was (a retry or a replay).

        One statement, ``INSERT ... ON CONFLICT DO NOTHING RETURNING``: atomic, so two deliveries
        of the same event at the same moment cannot both win (a SELECT first, then an INSERT, could).
        """
        # BEGIN SOLUTION INSERT ON CONFLICT DO NOTHING RETURNING
        stmt = (
            insert(WebhookEvent)
            .values(event_id=event_id, type=event_type)
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(WebhookEvent.event_id)
        )
        return (await self.session.scalar(stmt)) is not None
        # END SOLUTION

    async def prune(self, before: datetime) -> int:
        """Forget events received before ``before``; return how many. Keeps the store small."""
        # BEGIN SOLUTION DELETE the rows received before; the result's rowcount
        result = await self.session.execute(
            delete(WebhookEvent).where(WebhookEvent.received_at < before)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
        # END SOLUTION

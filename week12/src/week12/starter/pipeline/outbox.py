"""Writing and relaying the outbox.

``enqueue`` adds a message to the caller's session: it is committed with the business change or
rolled back with it. ``relay`` publishes the unsent messages and marks them sent. A crash between
the commit and the publish leaves the row unsent, and the next relay run publishes it: nothing is
lost. A crash between the publish and the mark publishes it again: the tasks are idempotent.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import OutboxMessage

Publish = Callable[[str, dict[str, Any]], None]


def enqueue(session: AsyncSession, task_name: str, **payload: Any) -> OutboxMessage:
    """A message for ``task_name`` in the caller's transaction (JSON-compatible arguments only)."""
    message = OutboxMessage(task_name=task_name, payload=payload)
    session.add(message)
    return message


class Outbox:
    """The outbox of one session (a request's): what the services use to ask for a job."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def enqueue(self, task_name: str, **payload: Any) -> OutboxMessage:
        return enqueue(self.session, task_name, **payload)


async def relay(session: AsyncSession, publish: Publish, batch: int = 100) -> int:
    """Publish up to ``batch`` unsent messages in order and mark them sent; how many were sent.

    Rows are locked with SKIP LOCKED, so two relays running at once never publish the same row.
    """
    rows = await session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None))
        .order_by(OutboxMessage.id)
        .limit(batch)
        .with_for_update(skip_locked=True)
    )
    messages = list(rows)
    for message in messages:
        publish(message.task_name, {"message_id": message.id, **message.payload})
        message.sent_at = datetime.now(UTC)
    await session.commit()
    return len(messages)


async def pending(session: AsyncSession) -> int:
    """How many messages wait for the relay."""
    count = await session.scalar(
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.sent_at.is_(None))
    )
    return count or 0

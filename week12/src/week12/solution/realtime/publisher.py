"""Publishing events on Redis, only after the commit (week 10's ``AfterCommit``): before it, an
event could announce a change that is not visible yet, or is then rolled back. A down Redis loses
the event (logged): a committed write is not failed for it."""

from collections.abc import Awaitable, Callable
from typing import cast

import structlog
from redis.asyncio import Redis

from ..after_commit import AfterCommit
from ..caching.guard import RedisGuard, RedisUnavailableError
from .events import HISTORY_LENGTH, Event, channel, history

logger = structlog.get_logger(__name__)

Publish = Callable[[Event], Awaitable[int]]


async def publish_on(redis: Redis, event: Event) -> int:
    """XADD ``event`` to its owner's history and PUBLISH it, in one MULTI; how many received it."""
    # BEGIN SOLUTION MULTI: XADD (capped at HISTORY_LENGTH), PUBLISH
    data = event.model_dump_json()
    async with redis.pipeline(transaction=True) as pipe:
        pipe.xadd(history(event.owner_id), {"event": data}, maxlen=HISTORY_LENGTH, approximate=True)
        pipe.publish(channel(event.owner_id), data)
        _, received = await pipe.execute()
    return int(received)
    # END SOLUTION


async def missed_since(redis: Redis, owner_id: int, last_event_id: str) -> list[Event] | None:
    """The owner's events after ``last_event_id``, oldest first; None if it is not in the history."""
    # BEGIN SOLUTION XRANGE the history; the events after that id
    entries = cast(list[tuple[str, dict[str, str]]], await redis.xrange(history(owner_id)))
    events = [Event.model_validate_json(fields["event"]) for _, fields in entries]
    ids = [event.id for event in events]
    if last_event_id not in ids:
        return None
    return events[ids.index(last_event_id) + 1 :]
    # END SOLUTION


class EventPublisher:
    """The app's publisher: through the Redis guard (a down Redis costs no timeout per event)."""

    def __init__(self, guard: RedisGuard) -> None:
        # BEGIN SOLUTION keep the guard
        self.guard = guard
        # END SOLUTION

    async def __call__(self, event: Event) -> int:
        # BEGIN SOLUTION publish_on through the guard; 0 when unavailable
        try:
            return await self.guard(lambda redis: publish_on(redis, event))
        except RedisUnavailableError:
            logger.warning("event not published: redis unavailable", type=event.type)
            return 0
        # END SOLUTION


class RequestEvents:
    """The events of one request, published after its commit."""

    def __init__(self, publish: Publish, after_commit: AfterCommit) -> None:
        # BEGIN SOLUTION keep both
        self.publish = publish
        self.after_commit = after_commit
        # END SOLUTION

    def emit(self, event: Event) -> None:
        # BEGIN SOLUTION an after-commit hook per event (name: its id)
        async def send() -> None:
            await self.publish(event)

        self.after_commit.add(f"event:{event.id}", send)
        # END SOLUTION

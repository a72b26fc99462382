"""Publishing events on Redis, and only after the commit.

Published inside the transaction, an event could reach a client before the change is visible
(the client reads, and finds the old task) or announce a change that is then rolled back. So a
request only *registers* its events (``RequestEvents.emit``); ``get_session`` runs them through
week 10's ``AfterCommit`` once the commit succeeded, and a rolled-back request sends none.

Pub/sub keeps nothing and a lost event is not worth failing a committed write for: while Redis is
down (the guard says so at once) the event is dropped and logged; the clients catch up with their
next read.
"""

from collections.abc import Awaitable, Callable

import structlog
from redis.asyncio import Redis

from ..after_commit import AfterCommit
from ..caching.guard import RedisGuard, RedisUnavailableError
from .events import Event, channel

logger = structlog.get_logger(__name__)

Publish = Callable[[Event], Awaitable[int]]


async def publish_on(redis: Redis, event: Event) -> int:
    """PUBLISH ``event`` as JSON on its owner's channel; how many processes received it."""
    # BEGIN SOLUTION one PUBLISH of event.model_dump_json() on channel(event.owner_id)
    return int(await redis.publish(channel(event.owner_id), event.model_dump_json()))
    # END SOLUTION


class EventPublisher:
    """The app's publisher: through the Redis guard (a down Redis costs no timeout per event)."""

    def __init__(self, guard: RedisGuard) -> None:
        self.guard = guard

    async def __call__(self, event: Event) -> int:
        # BEGIN SOLUTION publish through the guard; 0 and a warning when Redis is unavailable
        try:
            return await self.guard(lambda redis: publish_on(redis, event))
        except RedisUnavailableError:
            logger.warning("event not published: redis unavailable", type=event.type)
            return 0
        # END SOLUTION


class RequestEvents:
    """The events of one request, published after its commit."""

    def __init__(self, publish: Publish, after_commit: AfterCommit) -> None:
        self.publish = publish
        self.after_commit = after_commit

    def emit(self, event: Event) -> None:
        # BEGIN SOLUTION one after-commit hook per event (its id as the hook's name)
        async def send() -> None:
            await self.publish(event)

        self.after_commit.add(f"event:{event.id}", send)
        # END SOLUTION

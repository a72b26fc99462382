"""The process's subscriber: ONE pattern subscription per process hands every published event to
this process's sockets of its owner. Pub/sub keeps nothing: when the connection drops, the loop
subscribes again (events published meanwhile are lost; clients read again when they reconnect)."""

import asyncio
from contextlib import suppress

import structlog
from pydantic import ValidationError
from redis.asyncio import Redis
from redis.exceptions import RedisError

from .events import CHANNEL_PREFIX, Event, owner_of
from .manager import ConnectionManager

logger = structlog.get_logger(__name__)


class Notifier:
    def __init__(
        self, redis_url: str, manager: ConnectionManager, delay: float = 0.1, max_delay: float = 5.0
    ) -> None:
        # BEGIN SOLUTION keep them; subscribed (asyncio.Event); task None
        self.redis_url = redis_url
        self.manager = manager
        self.retry_delay = delay  # before the first retry; doubles up to max_delay
        self.max_retry_delay = max_delay
        self.subscribed = asyncio.Event()  # set while the subscription is up
        self.task: asyncio.Task[None] | None = None
        # END SOLUTION

    async def start(self, wait: float = 2.0) -> None:
        """Start; wait up to ``wait`` s until subscribed (a down Redis does not stop the app)."""
        # BEGIN SOLUTION run() as a task; wait for it or subscribed
        self.task = asyncio.create_task(self.run(), name="event-notifier")
        waiter = asyncio.create_task(self.subscribed.wait())
        await asyncio.wait({self.task, waiter}, timeout=wait, return_when="FIRST_COMPLETED")
        waiter.cancel()
        # END SOLUTION

    async def stop(self) -> None:
        # BEGIN SOLUTION cancel the task and await it (CancelledError suppressed)
        if self.task is not None:
            self.task.cancel()
            with suppress(asyncio.CancelledError):
                await self.task
        # END SOLUTION

    async def run(self) -> None:
        """Listen forever; when Redis drops, subscribe again after a doubling delay (capped)."""
        # BEGIN SOLUTION listen(); on RedisError/OSError: wait, retry
        delay = self.retry_delay
        while True:
            try:
                await self.listen()
            except (RedisError, OSError) as exc:
                if self.subscribed.is_set():
                    delay = self.retry_delay  # it was up: a new outage starts small
                self.subscribed.clear()
                logger.warning("event subscription lost", error=repr(exc), retry_in=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_retry_delay)
        # END SOLUTION

    async def listen(self) -> None:
        """One subscription: forward its messages until the connection fails (raises)."""
        # BEGIN SOLUTION psubscribe, set subscribed, deliver each
        # No socket timeout: a subscriber waits for messages as long as none come.
        client = Redis.from_url(self.redis_url, decode_responses=True, socket_connect_timeout=2)
        async with client, client.pubsub() as pubsub:
            await pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
            self.subscribed.set()
            async for message in pubsub.listen():
                if message["type"] == "pmessage":
                    await self.deliver(message["channel"], message["data"])
        # END SOLUTION

    async def deliver(self, channel_name: str, data: str) -> int:
        """Send a published event to its owner's sockets here; to how many (0: not an event)."""
        # BEGIN SOLUTION owner_of, validate the Event, manager.send
        owner = owner_of(channel_name)
        try:
            event = Event.model_validate_json(data)
        except ValidationError:
            logger.warning("not an event", channel=channel_name)
            return 0
        if owner is None or owner != event.owner_id:
            logger.warning("event on the wrong channel", channel=channel_name)
            return 0
        return await self.manager.send(owner, event.model_dump(mode="json"))
        # END SOLUTION

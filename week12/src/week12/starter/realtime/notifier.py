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
        raise NotImplementedError("TODO: keep them; subscribed (asyncio.Event); task None")

    async def start(self, wait: float = 2.0) -> None:
        """Start; wait up to ``wait`` s until subscribed (a down Redis does not stop the app)."""
        raise NotImplementedError("TODO: run() as a task; wait for it or subscribed")

    async def stop(self) -> None:
        raise NotImplementedError("TODO: cancel the task and await it (CancelledError suppressed)")

    async def run(self) -> None:
        """Listen forever; when Redis drops, subscribe again after a doubling delay (capped)."""
        raise NotImplementedError("TODO: listen(); on RedisError/OSError: wait, retry")

    async def listen(self) -> None:
        """One subscription: forward its messages until the connection fails (raises)."""
        raise NotImplementedError("TODO: psubscribe, set subscribed, deliver each")

    async def deliver(self, channel_name: str, data: str) -> int:
        """Send a published event to its owner's sockets here; to how many (0: not an event)."""
        raise NotImplementedError("TODO: owner_of, validate the Event, manager.send")

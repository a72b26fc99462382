"""Fan-out across processes ([ADR 0009](../../../../docs/adr/0009-realtime-fan-out.md)): the
process that committed a change PUBLISHes its events on Redis; every process's ``Subscriber``
hears them on ONE pattern subscription and hands each to its own sockets in that room
(``Rooms``). Pub/sub keeps nothing, so each event is also appended to its room's capped stream,
from which a client that reconnects is sent what it missed.
"""

import asyncio
import json
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass
from typing import cast

import structlog
from fastapi import WebSocket
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..events import Change
from ..tasks.models import Task
from .messages import HISTORY_LENGTH, PREFIX, Event, RoomKind, addressed, history, parse_channel

logger = structlog.get_logger(__name__)


class Connection:
    """One authenticated socket: its person, and the project rooms it joined (project -> org)."""

    def __init__(self, websocket: WebSocket, user_id: int) -> None:
        raise NotImplementedError("TODO: task 12: the socket, the person, their project rooms")

    async def send(self, text: str) -> bool:
        """Send one JSON text; False when the socket is gone."""
        raise NotImplementedError("TODO: task 12: send_text; False on RuntimeError/OSError")


class Rooms:
    """This process's sockets by channel: a person's own, and the projects they joined."""

    def __init__(self) -> None:
        self.members: dict[str, set[Connection]] = defaultdict(set)

    def join(self, channel_name: str, connection: Connection) -> None:
        raise NotImplementedError("TODO: task 12: add to the channel's set")

    def leave(self, channel_name: str, connection: Connection) -> None:
        """Out of the room; an empty room is forgotten."""
        raise NotImplementedError("TODO: task 12: discard; drop an empty set")

    def count(self, channel_name: str) -> int:
        """How many sockets of this process are in the room."""
        raise NotImplementedError("TODO: task 12: the set's size, 0 without one")

    async def deliver(self, channel_name: str, data: str) -> int:
        """Send a published event to this process's sockets in its room; to how many. A
        ``member.removed`` event first takes the removed person out of that organisation's
        project rooms here (their other processes do the same with their copy)."""
        raise NotImplementedError("TODO: task 12: send to the room; member.removed")


async def publish(redis: Redis, events: list[tuple[str, str, Event]]) -> None:
    """Append each event to its room's capped history and PUBLISH it, all in one round trip."""
    raise NotImplementedError("TODO: task 12: one pipeline: XADD capped, PUBLISH")


async def missed_since(
    redis: Redis, kind: RoomKind, room_id: int, last_event_id: str
) -> list[str] | None:
    """The room's events after ``last_event_id``, oldest first (JSON texts); None when that id is
    not in the history any more (too far behind, or never was): the client must resync."""
    raise NotImplementedError("TODO: task 12: XRANGE; the events after that id")


class Publisher:
    """The two ``Listeners`` of the real-time layer. A lost event is logged, never raised: the
    write it tells of has committed, and the client resyncs."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    # TODO (task 12): two listeners for `install` to register. Before the commit (a session and
    # the changes): a comment's project is not in its snapshot; read it in the transaction, one
    # query for all the comments' tasks, and keep it as change.facts["project_id"]. After the
    # commit (the changes): every event `addressed` gives, published in one round trip; a
    # Redis error is logged, never raised (the write has committed).


class Subscriber:
    """The process's one pattern subscription, on a connection of its own (the app's pooled client
    times out after a quarter of a second; a subscriber waits for messages as long as none come).
    When Redis drops it, it subscribes again after a doubling delay; events published meanwhile
    reach the clients when they resume from their last event id."""

    def __init__(self, redis_url: str, rooms: Rooms, delay: float = 0.1, max_delay: float = 2.0):
        self.redis_url = redis_url
        self.rooms = rooms
        self.delay, self.max_delay = delay, max_delay
        self.subscribed = asyncio.Event()  # set while subscribed
        self.tried = asyncio.Event()  # set once the first attempt succeeded or failed
        self.task: asyncio.Task[None] | None = None
        self.users = 0  # lifespans running

    async def start(self, wait: float = 2.0) -> None:
        """Start listening; wait (at most ``wait`` s) for the first attempt: subscribed, or Redis
        is down (the app starts anyway and subscribes when it is back). Started again while it
        runs (two lifespans of one app at once, as in tests), it counts instead."""
        return  # TODO (task 12): count the users; start your loop as a task; wait for tried

    async def stop(self) -> None:
        """Stop when the last one who started it stops it."""
        return  # TODO (task 12): the last user cancels the task and awaits it

    # TODO (task 12): the loop `start` runs as a task, until cancelled: a client of its own
    # (from redis_url), one pattern subscription on PREFIX*, each message to self.rooms;
    # `subscribed` and `tried` set once subscribed. On a Redis error: clear `subscribed`, set
    # `tried`, log, wait self.delay (doubling, at most self.max_delay), subscribe again.


@dataclass(frozen=True)
class Timeouts:
    """Seconds: for the first message (authentication), and without any message (a client pings
    well within it: a dead peer is dropped within a bound)."""

    auth: float = 5.0
    idle: float = 60.0


class Realtime:
    """The real-time layer of one app process (``app.state.realtime``)."""

    def __init__(self, redis: Redis, redis_url: str, timeouts: Timeouts) -> None:
        self.redis = redis  # the app's pooled client: publishing, resuming
        self.timeouts = timeouts
        self.rooms = Rooms()
        self.publisher = Publisher(redis)
        self.subscriber = Subscriber(redis_url, self.rooms)

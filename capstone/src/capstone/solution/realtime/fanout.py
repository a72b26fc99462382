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
        # BEGIN SOLUTION task 12: the socket, the person, their project rooms
        self.websocket = websocket
        self.user_id = user_id
        self.projects: dict[int, int] = {}
        # END SOLUTION

    async def send(self, text: str) -> bool:
        """Send one JSON text; False when the socket is gone."""
        # BEGIN SOLUTION task 12: send_text; False on RuntimeError/OSError
        try:
            await self.websocket.send_text(text)
        except (RuntimeError, OSError):  # closed meanwhile (Starlette raises RuntimeError)
            return False
        return True
        # END SOLUTION


class Rooms:
    """This process's sockets by channel: a person's own, and the projects they joined."""

    def __init__(self) -> None:
        self.members: dict[str, set[Connection]] = defaultdict(set)

    def join(self, channel_name: str, connection: Connection) -> None:
        # BEGIN SOLUTION task 12: add to the channel's set
        self.members[channel_name].add(connection)
        # END SOLUTION

    def leave(self, channel_name: str, connection: Connection) -> None:
        """Out of the room; an empty room is forgotten."""
        # BEGIN SOLUTION task 12: discard; drop an empty set
        if (members := self.members.get(channel_name)) is not None:
            members.discard(connection)
            if not members:
                del self.members[channel_name]
        # END SOLUTION

    def count(self, channel_name: str) -> int:
        """How many sockets of this process are in the room."""
        # BEGIN SOLUTION task 12: the set's size, 0 without one
        return len(self.members.get(channel_name, ()))
        # END SOLUTION

    async def deliver(self, channel_name: str, data: str) -> int:
        """Send a published event to this process's sockets in its room; to how many. A
        ``member.removed`` event first takes the removed person out of that organisation's
        project rooms here (their other processes do the same with their copy)."""
        # BEGIN SOLUTION task 12: send to the room; member.removed
        room = parse_channel(channel_name)
        try:
            event = Event.model_validate_json(data)
        except ValueError:
            logger.warning("not an event", channel=channel_name)
            return 0
        connections = list(self.members.get(channel_name, ()))
        if room is not None and room[0] == "user" and event.type == "member.removed":
            for connection in connections:
                for project, org in list(connection.projects.items()):
                    if org == event.org_id:
                        del connection.projects[project]
                        self.leave(f"{PREFIX}project:{project}", connection)
        sent = 0
        for connection in connections:
            sent += await connection.send(data)
        return sent
        # END SOLUTION


async def publish(redis: Redis, events: list[tuple[str, str, Event]]) -> None:
    """Append each event to its room's capped history and PUBLISH it, all in one round trip."""
    # BEGIN SOLUTION task 12: one pipeline: XADD capped, PUBLISH
    async with redis.pipeline(transaction=False) as pipe:
        for channel_name, stream, event in events:
            data = event.model_dump_json(exclude_none=True)
            pipe.xadd(stream, {"event": data}, maxlen=HISTORY_LENGTH, approximate=True)
            pipe.publish(channel_name, data)
        await pipe.execute()
    # END SOLUTION


async def missed_since(
    redis: Redis, kind: RoomKind, room_id: int, last_event_id: str
) -> list[str] | None:
    """The room's events after ``last_event_id``, oldest first (JSON texts); None when that id is
    not in the history any more (too far behind, or never was): the client must resync."""
    # BEGIN SOLUTION task 12: XRANGE; the events after that id
    entries = cast(list[tuple[str, dict[str, str]]], await redis.xrange(history(kind, room_id)))
    texts = [fields["event"] for _, fields in entries]
    ids = [json.loads(text)["id"] for text in texts]
    if last_event_id not in ids:
        return None
    return texts[ids.index(last_event_id) + 1 :]
    # END SOLUTION


class Publisher:
    """The two ``Listeners`` of the real-time layer. A lost event is logged, never raised: the
    write it tells of has committed, and the client resyncs."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    # BEGIN SOLUTION task 12: the two listeners
    async def find_rooms(self, session: AsyncSession, changes: list[Change]) -> None:
        """``before_commit``: a comment's project is not in its snapshot; read it in the
        transaction (the task's, a comment's task is never moved) and keep it as a fact."""
        comments = [c for c in changes if c.entity_type == "comment"]
        task_ids = {int((c.after or c.before or {})["task_id"]) for c in comments}
        if not task_ids:
            return
        query = select(Task.id, Task.project_id).where(
            Task.id.in_(task_ids), Task.org_id == comments[0].org_id
        )
        projects = dict((await session.execute(query)).all())
        for change in comments:
            project = projects.get(int((change.after or change.before or {})["task_id"]))
            if project is not None:
                change.facts["project_id"] = project

    async def publish(self, changes: list[Change]) -> None:
        """``after_commit``: every event of the transaction's changes, in one round trip."""
        events = [item for change in changes for item in addressed(change)]
        if not events:
            return
        try:
            await publish(self.redis, events)
        except (RedisError, OSError) as exc:
            logger.warning("events not published", error=repr(exc), count=len(events))

    # REPLACE WITH
    # # TODO (task 12): two listeners for `install` to register. Before the commit (a session and
    # # the changes): a comment's project is not in its snapshot; read it in the transaction, one
    # # query for all the comments' tasks, and keep it as change.facts["project_id"]. After the
    # # commit (the changes): every event `addressed` gives, published in one round trip; a
    # # Redis error is logged, never raised (the write has committed).
    # END SOLUTION


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
        # BEGIN SOLUTION task 12: count; the loop as a task; wait for tried
        self.users += 1
        if self.task is not None:
            return
        self.task = asyncio.create_task(self.run(), name="realtime-subscriber")
        waiter = asyncio.create_task(self.tried.wait())
        await asyncio.wait({self.task, waiter}, timeout=wait, return_when="FIRST_COMPLETED")
        waiter.cancel()
        # REPLACE WITH
        # return  # TODO (task 12): count the users; start your loop as a task; wait for tried
        # END SOLUTION

    async def stop(self) -> None:
        """Stop when the last one who started it stops it."""
        # BEGIN SOLUTION task 12: the last user cancels the task and awaits it
        self.users -= 1
        if self.users > 0 or self.task is None:
            return
        task, self.task = self.task, None
        task.cancel()
        with suppress(asyncio.CancelledError):
            await asyncio.gather(task, return_exceptions=True)
        self.subscribed.clear()
        self.tried.clear()
        # REPLACE WITH
        # return  # TODO (task 12): the last user cancels the task and awaits it
        # END SOLUTION

    # BEGIN SOLUTION task 12: the loop: subscribe, deliver; on failure wait and retry
    async def run(self) -> None:
        """Listen; on a Redis failure, wait and subscribe again (forever, until cancelled)."""
        delay = self.delay
        while True:
            try:
                await self.listen()
            except (RedisError, OSError) as exc:
                if self.subscribed.is_set():
                    delay = self.delay  # it was up: a new outage starts small
                self.subscribed.clear()
                self.tried.set()
                logger.warning("realtime subscription lost", error=repr(exc), retry_in=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_delay)

    async def listen(self) -> None:
        """One subscription: deliver its messages until the connection fails (raises)."""
        client = Redis.from_url(self.redis_url, decode_responses=True, socket_connect_timeout=2)
        async with client, client.pubsub() as pubsub:
            await pubsub.psubscribe(f"{PREFIX}*")
            self.subscribed.set()
            self.tried.set()
            async for message in pubsub.listen():
                if message["type"] == "pmessage":
                    await self.rooms.deliver(message["channel"], message["data"])

    # REPLACE WITH
    # # TODO (task 12): the loop `start` runs as a task, until cancelled: a client of its own
    # # (from redis_url), one pattern subscription on PREFIX*, each message to self.rooms;
    # # `subscribed` and `tried` set once subscribed. On a Redis error: clear `subscribed`, set
    # # `tried`, log, wait self.delay (doubling, at most self.max_delay), subscribe again.
    # END SOLUTION


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

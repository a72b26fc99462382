"""Task 12, the parts on their own: channel names, who is addressed, a room's bookkeeping, the
history of a room on a real Redis, and the subscriber's lifecycle (test_realtime.py runs them
together across processes)."""

import asyncio
import json
from typing import Any

import pytest
from redis.asyncio import Redis

from testkit import impl_module
from testkit.services.redis import ThrowawayRedis

pytestmark = pytest.mark.task(12)


def messages() -> Any:
    return impl_module("capstone", "realtime.messages")


def fanout() -> Any:
    return impl_module("capstone", "realtime.fanout")


def change(**fields: Any) -> Any:
    values = {"org_id": 1, "actor_id": 9, "before": None, "after": None} | fields
    return impl_module("capstone", "events").Change(**values)


@pytest.mark.parametrize(
    ("name", "room"),
    [
        ("capstone:rt:user:7", ("user", 7)),
        ("capstone:rt:project:12", ("project", 12)),
        ("capstone:rt:team:7", None),
        ("capstone:rt:user:seven", None),
        ("capstone:rt:user:", None),
        ("other:user:7", None),
    ],
)
def test_a_channel_name_is_read_back_or_refused(name: str, room: Any) -> None:
    assert messages().parse_channel(name) == room
    if room is not None:
        assert messages().channel(*room) == name


def task_event(task_id: int, project_id: int = 4) -> tuple[str, str, Any]:
    """(channel, stream, event) of a task's change in its project's room."""
    after = {"project_id": project_id, "assignee_id": None}
    updated = change(action="task.updated", entity_type="task", entity_id=task_id, after=after)
    [(channel, stream, event)] = messages().addressed(updated)
    return channel, stream, event


def test_only_tasks_comments_and_projects_reach_a_project_room() -> None:
    audit = change(action="audit.read", entity_type="attachment", entity_id=3, after={"x": 1})
    assert messages().addressed(audit) == []
    lost = change(action="comment.created", entity_type="comment", entity_id=5,
                  after={"task_id": 2, "mentions": []})  # fmt: skip
    assert messages().addressed(lost) == []  # its project was not found before the commit


class Socket:
    """What ``Connection`` needs of a WebSocket: ``send_text``, which fails once it is closed."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.closed = False

    async def send_text(self, text: str) -> None:
        if self.closed:
            raise RuntimeError('Cannot call "send" once a close message has been sent.')
        self.sent.append(text)


async def test_a_room_sends_to_its_sockets_and_forgets_an_empty_room() -> None:
    rooms, module = fanout().Rooms(), fanout()
    open_, closed = Socket(), Socket()
    closed.closed = True
    one, two = module.Connection(open_, 1), module.Connection(closed, 2)
    room, _, event = task_event(1)
    rooms.join(room, one)
    rooms.join(room, two)
    assert await rooms.deliver(room, event.model_dump_json()) == 1  # the closed one fails
    assert json.loads(open_.sent[0])["type"] == "task.updated"
    assert await rooms.deliver(room, "not an event") == 0
    rooms.leave(room, one)
    rooms.leave(room, two)
    rooms.leave(room, two)  # twice: no error
    assert rooms.count(room) == 0
    assert room not in rooms.members


async def test_the_history_of_a_room_resumes_or_says_resync(
    reused_redis_server: ThrowawayRedis,
) -> None:
    module = fanout()
    events = [task_event(n, project_id=5) for n in range(3)]
    assert events[0][1] == messages().history("project", 5)
    async with Redis.from_url(reused_redis_server.url(), decode_responses=True) as redis:
        await module.publish(redis, events)
        missed = await module.missed_since(redis, "project", 5, events[0][2].id)
        assert [json.loads(text)["task_id"] for text in missed] == [1, 2]
        assert await module.missed_since(redis, "project", 5, events[2][2].id) == []
        assert await module.missed_since(redis, "project", 5, "never-sent") is None


async def test_the_subscriber_outlives_a_redis_that_is_down_and_counts_its_users(
    reused_redis_server: ThrowawayRedis,
) -> None:
    server = reused_redis_server
    server.stop()
    subscriber = fanout().Subscriber(server.url(), fanout().Rooms(), delay=0.01, max_delay=0.05)
    await subscriber.start()  # returns: Redis is down, the app starts anyway
    await subscriber.start()  # a second lifespan of the same app: counted
    assert subscriber.task is not None, "start() runs the subscriber as a task"
    assert not subscriber.subscribed.is_set()
    server.start()
    try:
        await asyncio.wait_for(subscriber.subscribed.wait(), 10)  # subscribed again by itself
    except TimeoutError:
        raise AssertionError("not subscribed within 10 s of Redis coming back") from None
    await subscriber.stop()
    assert subscriber.task is not None  # one user left: still running
    await subscriber.stop()
    assert subscriber.task is None

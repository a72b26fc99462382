"""Tasks 1 and 2: the pieces on their own: the event and its channel, the connection manager,
the notifier's handling of what arrives on Redis, the publisher when Redis is down.

The sockets here are stand-ins that record what they are sent (or fail like a socket whose
client left): what is tested is the manager's bookkeeping, not the network. The endpoint's tests
use real sockets.
"""

from typing import Any

import pytest
from fastapi import WebSocketDisconnect
from pydantic import ValidationError

from testkit import impl_module
from testkit.services.process import free_port

events = impl_module("week12", "realtime.events")
manager_module = impl_module("week12", "realtime.manager")
notifier_module = impl_module("week12", "realtime.notifier")
publisher = impl_module("week12", "realtime.publisher")
after_commit = impl_module("week12", "after_commit")
redis_client = impl_module("week12", "caching.redis_client")


class Socket:
    """Records what it is sent; ``gone`` makes it fail as a socket whose client left does."""

    def __init__(self, gone: bool = False) -> None:
        self.sent: list[dict[str, Any]] = []
        self.gone = gone

    async def send_json(self, message: dict[str, Any]) -> None:
        if self.gone:
            raise WebSocketDisconnect(1006)
        self.sent.append(message)


@pytest.mark.task(1)
def test_an_event_has_its_own_id_and_names_what_changed() -> None:
    assert set(events.Event.model_fields) == {"id", "type", "owner_id", "task_id", "report_id"}
    first = events.Event(type="task.created", owner_id=7, task_id=3)
    second = events.Event(type="task.created", owner_id=7, task_id=3)
    assert first.id != second.id
    assert len(first.id) == 32
    assert first.model_dump(mode="json") == {
        "id": first.id, "type": "task.created", "owner_id": 7, "task_id": 3, "report_id": None,
    }  # fmt: skip
    assert events.Event.model_validate_json(first.model_dump_json()) == first
    with pytest.raises(ValidationError):
        events.Event(type="task.renamed", owner_id=7)
    with pytest.raises(ValidationError):
        events.Event.model_validate({"type": "task.created", "owner_id": 7, "extra": 1})


@pytest.mark.task(1)
def test_each_owner_has_a_channel() -> None:
    assert events.channel(42) == f"{events.CHANNEL_PREFIX}42"
    assert events.owner_of(events.channel(42)) == 42
    for name in ("room:42", f"{events.CHANNEL_PREFIX}", f"{events.CHANNEL_PREFIX}4x", "42"):
        assert events.owner_of(name) is None


@pytest.mark.task(2)
async def test_the_manager_sends_to_every_socket_of_the_user_only() -> None:
    manager = manager_module.ConnectionManager()
    phone, laptop, other = Socket(), Socket(), Socket()
    manager.connect(1, phone)
    manager.connect(1, laptop)
    manager.connect(2, other)

    assert await manager.send(1, {"type": "hello"}) == 2
    assert phone.sent == laptop.sent == [{"type": "hello"}]
    assert other.sent == []
    assert await manager.send(3, {"type": "nobody"}) == 0


@pytest.mark.task(2)
async def test_the_manager_forgets_sockets_that_left() -> None:
    manager = manager_module.ConnectionManager()
    alive, dead = Socket(), Socket(gone=True)
    manager.connect(1, alive)
    manager.connect(1, dead)

    assert await manager.send(1, {"n": 1}) == 1
    assert manager.count(1) == 1  # the dead one was dropped when its send failed

    manager.disconnect(1, alive)
    manager.disconnect(1, alive)  # twice: no error
    manager.disconnect(9, alive)  # a user it never had
    assert manager.count(1) == 0
    assert 1 not in manager.sockets  # no empty set left behind


@pytest.mark.task(2)
async def test_the_notifier_delivers_events_and_skips_anything_else() -> None:
    manager = manager_module.ConnectionManager()
    socket = Socket()
    manager.connect(5, socket)
    notifier = notifier_module.Notifier("redis://127.0.0.1:1/0", manager)
    event = events.Event(type="task.deleted", owner_id=5, task_id=9)

    assert await notifier.deliver(events.channel(5), event.model_dump_json()) == 1
    assert socket.sent == [event.model_dump(mode="json")]
    assert await notifier.deliver(events.channel(5), "not json") == 0
    assert await notifier.deliver(events.channel(6), event.model_dump_json()) == 0  # not 5's
    assert await notifier.deliver("elsewhere", event.model_dump_json()) == 0
    assert len(socket.sent) == 1


@pytest.mark.task(2)
async def test_a_notifier_without_redis_keeps_trying_and_stops_cleanly() -> None:
    closed = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    notifier = notifier_module.Notifier(closed, manager_module.ConnectionManager(), 0.01, 0.02)
    await notifier.start(wait=0.2)  # gives up waiting: the app still starts
    assert not notifier.subscribed.is_set()
    assert notifier.task is not None
    assert not notifier.task.done()
    await notifier.stop()
    assert notifier.task.cancelled()


@pytest.mark.task(1)
async def test_events_wait_for_the_commit_and_a_down_redis_loses_them_quietly() -> None:
    settings = redis_client.RedisSettings(url=f"redis://127.0.0.1:{free_port()}/0", timeout=0.2)
    redis = redis_client.make_redis(settings)
    try:
        publish = publisher.EventPublisher(redis_client.make_guard(redis, settings))
        hooks = after_commit.AfterCommit()
        request = publisher.RequestEvents(publish, hooks)
        request.emit(events.Event(type="task.created", owner_id=1, task_id=1))
        request.emit(events.Event(type="task.deleted", owner_id=1, task_id=1))
        assert len(hooks.hooks) == 2  # registered, not sent: the commit has not happened

        assert await publish(events.Event(type="task.created", owner_id=1)) == 0
        await hooks.run()  # Redis is down: logged, nothing raised (the write did commit)
    finally:
        await redis.aclose()

"""Task 2: the outbox is written in the business change's transaction; the relay publishes each
message and marks it sent, and a crash before the mark loses nothing."""

from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module

from .factories import create_task

pytestmark = [pytest.mark.task(2), pytest.mark.points(3)]

models = impl_module("week11", "pipeline.models")
outbox = impl_module("week11", "pipeline.outbox")


async def messages(sessions: async_sessionmaker[AsyncSession]) -> list[Any]:
    async with sessions() as session:
        return list(await session.scalars(select(models.OutboxMessage).order_by("id")))


async def test_creating_a_task_writes_a_message_in_its_transaction(
    client: httpx.AsyncClient, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    task = await create_task(client, title="Write the report")

    [message] = await messages(sessionmaker)
    assert message.task_name == "pipeline.notify"
    assert message.payload == {
        "key": f"task-created:{task['id']}",
        "template": "task_created",
        "user_id": message.payload["user_id"],
        "data": {"task_id": str(task["id"]), "title": "Write the report"},
    }
    assert message.sent_at is None


async def test_a_failed_change_writes_no_message(
    client: httpx.AsyncClient, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    response = await client.post("/tasks", json={"title": "x", "category_id": 999_999})

    assert response.status_code == 422
    assert await messages(sessionmaker) == []  # rolled back with the task


async def test_the_relay_publishes_each_message_once_and_marks_it_sent(
    client: httpx.AsyncClient, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    first = await create_task(client, title="one")
    second = await create_task(client, title="two")
    published: list[tuple[str, dict[str, Any]]] = []

    def publish(name: str, payload: dict[str, Any]) -> None:
        published.append((name, payload))

    async with sessionmaker() as session:
        assert await outbox.pending(session) == 2
        assert await outbox.relay(session, publish) == 2
        assert await outbox.relay(session, publish) == 0  # nothing twice
        assert await outbox.pending(session) == 0

    keys = [payload["key"] for _, payload in published]
    assert keys == [f"task-created:{first['id']}", f"task-created:{second['id']}"]
    assert all(isinstance(payload["message_id"], int) for _, payload in published)
    assert all(message.sent_at is not None for message in await messages(sessionmaker))


async def test_a_relay_that_crashes_before_marking_loses_nothing(
    client: httpx.AsyncClient, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await create_task(client, title="survives")
    published: list[str] = []

    def broker_down(name: str, payload: dict[str, Any]) -> None:
        raise ConnectionError("broker unreachable")

    async with sessionmaker() as session:
        with pytest.raises(ConnectionError):
            await outbox.relay(session, broker_down)
        await session.rollback()
    async with sessionmaker() as session:
        assert await outbox.pending(session) == 1  # still there for the next run
        await outbox.relay(session, lambda name, payload: published.append(payload["key"]))

    assert len(published) == 1

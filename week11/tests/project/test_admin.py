"""Task 8: the admin's view of the pipeline (queue lengths, the outbox's backlog, failures, the
dead letters) and replaying a dead letter; only for admins."""

from typing import Any

import httpx
import pytest
import redis
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.http import ClientFactory
from testkit.services.redis import ThrowawayRedis

from .conftest import CurrentSessionmaker, MovableClock, app_with
from .factories import Account, create_task

pytestmark = [pytest.mark.task(8), pytest.mark.points(3)]

models = impl_module("week11", "pipeline.models")


async def admin_client(app: Any, asgi_client: ClientFactory, admin: Account) -> httpx.AsyncClient:
    client = await asgi_client(app, base_url="http://testserver/api/v1")
    client.headers["Authorization"] = f"Bearer {admin.access_token}"
    return client


async def bury(sessions: async_sessionmaker[AsyncSession], error: str) -> int:
    """A dead letter, as the worker's failure handler stores it."""
    insert = text(
        "INSERT INTO dead_letters (task_name, payload, error) "
        """VALUES ('pipeline.notify', '{"key": "k", "user_id": 1}', :error) RETURNING id"""
    )
    async with sessions() as session:
        letter = int((await session.execute(insert, {"error": error})).scalar_one())
        await session.commit()
        return letter


async def test_the_report_shows_queues_backlog_failures_and_dead_letters(
    app: Any,
    settings: Any,
    clock: MovableClock,
    asgi_client: ClientFactory,
    admin: Account,
    client: httpx.AsyncClient,
    sessionmaker: async_sessionmaker[AsyncSession],
    redis_server: ThrowawayRedis,
    current_sessionmaker: CurrentSessionmaker,
) -> None:
    broker = redis.Redis.from_url(redis_server.url())
    broker.rpush("celery", "a", "b", "c")  # three messages no worker has taken
    broker.close()
    await create_task(client)  # one outbox row
    first = await bury(sessionmaker, "ConnectionRefusedError: [Errno 111]")
    second = await bury(sessionmaker, "KeyError: 'title'")
    own = app_with(settings, clock, current_sessionmaker, broker_url=redis_server.url())

    report = (await (await admin_client(own, asgi_client, admin)).get("/admin/pipeline")).json()

    assert report["queues"] == {"celery": 3}
    assert report["outbox_pending"] == 1
    assert report["failed_reports"] == 0
    assert [letter["id"] for letter in report["dead_letters"]] == [second, first]  # newest first
    assert report["dead_letters"][1]["error"] == "ConnectionRefusedError: [Errno 111]"


async def test_a_replayed_dead_letter_goes_back_through_the_outbox_once(
    app: Any,
    asgi_client: ClientFactory,
    admin: Account,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    letter = await bury(sessionmaker, "SMTPServerDisconnected")
    client = await admin_client(app, asgi_client, admin)

    replayed = await client.post(f"/admin/dead-letters/{letter}/replay")
    again = await client.post(f"/admin/dead-letters/{letter}/replay")

    assert replayed.status_code == 202
    assert replayed.json()["replayed_at"] is not None
    assert again.status_code == 409
    async with sessionmaker() as session:
        [message] = await session.scalars(select(models.OutboxMessage))
    assert (message.task_name, message.payload) == ("pipeline.notify", {"key": "k", "user_id": 1})
    listed = (await client.get("/admin/pipeline")).json()
    assert listed["dead_letters"] == []  # replayed letters leave the list


async def test_a_dead_letter_that_does_not_exist_is_a_404(
    app: Any, asgi_client: ClientFactory, admin: Account
) -> None:
    client = await admin_client(app, asgi_client, admin)

    assert (await client.post("/admin/dead-letters/999999/replay")).status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/admin/pipeline"), ("POST", "/admin/dead-letters/1/replay")],
)
async def test_only_admins_see_the_pipeline(
    client: httpx.AsyncClient, method: str, path: str
) -> None:
    assert (await client.request(method, path)).status_code == 403

"""Tasks 3 and 4: a task created through the API becomes one e-mail, delivered by a real worker;
retried while the SMTP server is down; parked as a dead letter when the retries run out, and
replayed from there."""

import asyncio
import time
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.smtp import SmtpServer

from .pipeline import World, mails_about, wait_for_mail, wait_until

pytestmark = [pytest.mark.task(3), pytest.mark.points(4)]

jobs = impl_module("week11", "pipeline.jobs")
models = impl_module("week11", "pipeline.models")
mail = impl_module("week11", "pipeline.mail")


async def relay(world: World, sessions: async_sessionmaker[AsyncSession]) -> int:
    """One run of the relay, as Beat's entry would do it (in the test: at once)."""
    return int(await jobs.relay_outbox(sessions, world.publish))


async def sent(sessions: async_sessionmaker[AsyncSession], key: str) -> bool:
    async with sessions() as session:
        return await session.get(models.SentEmail, key) is not None


async def test_a_new_task_is_mailed_once(
    world: World,
    world_client: httpx.AsyncClient,
    world_sessions: async_sessionmaker[AsyncSession],
    smtp: SmtpServer,
) -> None:
    title = f"Pipeline {uuid.uuid4().hex[:8]}"
    created = await world_client.post("/tasks", json={"title": title})
    assert created.status_code == 201

    assert await relay(world, world_sessions) >= 1
    mail = wait_for_mail(world, f"New task: {title}")

    assert f"#{created.json()['id']}" in mail.get_content()
    assert await relay(world, world_sessions) == 0  # relayed once
    assert len(mails_about(smtp, f"New task: {title}")) == 1


async def test_a_delivery_twice_sends_once(
    world: World, world_sessions: async_sessionmaker[AsyncSession], smtp: SmtpServer, member_id: int
) -> None:
    key = f"twice-{uuid.uuid4().hex[:8]}"
    payload = notify_payload(key, member_id)

    world.publish("pipeline.notify", {"message_id": 1, **payload})
    second = world.publish("pipeline.notify", {"message_id": 1, **payload})  # a relay crashed

    wait_for_mail(world, f"New task: {key}")
    done = f"pipeline.notify[{second}] succeeded"
    wait_until(world, lambda: done in world.worker.log(), "the second delivery")
    assert len(mails_about(smtp, f"New task: {key}")) == 1


@pytest.mark.task(4)
async def test_the_mail_waits_while_the_smtp_server_is_down(
    world: World, world_sessions: async_sessionmaker[AsyncSession], smtp: SmtpServer, member_id: int
) -> None:
    key = f"down-{uuid.uuid4().hex[:8]}"
    smtp.stop()
    try:
        task_id = world.publish(
            "pipeline.notify", {"message_id": 1, **notify_payload(key, member_id)}
        )
        retried = f"pipeline.notify[{task_id}] retry: Retry in"
        wait_until(world, lambda: retried in world.worker.log(), "a retry while the server is down")
    finally:
        smtp.start()

    wait_for_mail(world, f"New task: {key}")
    assert await sent(world_sessions, key)


@pytest.mark.task(4)
async def test_a_job_out_of_retries_is_a_dead_letter_the_admin_can_replay(
    world: World, world_sessions: async_sessionmaker[AsyncSession], smtp: SmtpServer, member_id: int
) -> None:
    key = f"dead-{uuid.uuid4().hex[:8]}"
    smtp.stop()
    try:
        world.publish("pipeline.notify", {"message_id": 1, **notify_payload(key, member_id)})
        letter = await wait_for_dead_letter(world, world_sessions, key)
    finally:
        smtp.start()
    assert letter.task_name == "pipeline.notify"
    assert "Connection" in letter.error or "refused" in letter.error.lower()
    assert not await sent(world_sessions, key)

    async with world_sessions() as session, session.begin():
        row = await session.get_one(models.DeadLetter, letter.id)
        await jobs.replay(session, row, row.failed_at)
    await relay(world, world_sessions)

    wait_for_mail(world, f"New task: {key}")
    assert await sent(world_sessions, key)


async def test_the_job_sends_once_and_skips_a_deleted_user(
    world: World, world_sessions: async_sessionmaker[AsyncSession], smtp: SmtpServer, member_id: int
) -> None:
    """The job itself, in this process (the worker's run is measured by no coverage tool)."""
    key = f"job-{uuid.uuid4().hex[:8]}"
    settings = mail.SmtpSettings(host=smtp.host, port=smtp.port)
    payload = notify_payload(key, member_id)
    args = (payload["key"], payload["template"], member_id, payload["data"])

    assert await jobs.notify(world_sessions, settings, 1, *args) == "sent"
    assert await jobs.notify(world_sessions, settings, 1, *args) == "already sent"
    assert len(mails_about(smtp, f"New task: {key}")) == 1
    gone = (payload["key"] + "-gone", payload["template"], 2**31 - 1, payload["data"])
    assert await jobs.notify(world_sessions, settings, 1, *gone) == "no such user"


@pytest.mark.task(4)
async def test_a_buried_job_keeps_its_arguments_and_error(
    world_sessions: async_sessionmaker[AsyncSession], member_id: int
) -> None:
    key = f"buried-{uuid.uuid4().hex[:8]}"
    payload = {"message_id": 7, **notify_payload(key, member_id)}

    await jobs.bury(world_sessions, "pipeline.notify", payload, OSError("connection refused"))

    async with world_sessions() as session:
        rows = await session.scalars(select(models.DeadLetter))
        [letter] = [row for row in rows if row.payload.get("key") == key]
    assert letter.payload == notify_payload(key, member_id)  # without the outbox's message id
    assert letter.error == "OSError: connection refused"


def notify_payload(key: str, user_id: int) -> dict[str, Any]:
    return {
        "key": key,
        "template": "task_created",
        "user_id": user_id,
        "data": {"task_id": "1", "title": key},
    }


async def wait_for_dead_letter(
    world: World, sessions: async_sessionmaker[AsyncSession], key: str
) -> Any:
    deadline = time.monotonic() + 30
    while True:
        async with sessions() as session:
            rows = await session.scalars(select(models.DeadLetter))
            found = [row for row in rows if row.payload.get("key") == key]
        if found:
            return found[0]
        world.check_unfinished()
        assert time.monotonic() < deadline, "no dead letter within 30 s"
        await asyncio.sleep(0.1)

"""Inherited guard (0 points) under task 4: week 12's task service publishes events after the
commit, beside the outbox message week 11 writes in the transaction; a new task must still
become exactly one e-mail.

Week 11's tests of the e-mail path (a task created through the API, delivered once by a real
worker). Its retry and dead-letter tests stay in week 11: week 12 changes nothing they check."""

import uuid

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.smtp import SmtpServer

from ..pipeline import World, mails_about, wait_for_mail

pytestmark = [pytest.mark.task(4), pytest.mark.points(0)]  # inherited: a guard, no points

jobs = impl_module("week12", "pipeline.jobs")
models = impl_module("week12", "pipeline.models")


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

"""Lecture 2: audit rows commit with their change (or not at all); soft delete, restore, purge."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from capstone.lectures.l2_audit import AuditEvent, AuditTask, create_task, history, update_task
from capstone.lectures.l2_retention import live_tasks, purge_deleted, restore, soft_delete
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

ADA = 7
_orgs = itertools.count(1000)


@pytest.fixture
def org() -> int:
    """An organisation id of the test's own: tests commit for real and never see each other."""
    return next(_orgs)


async def events(engine: AsyncEngine, org: int) -> list[tuple[str, int]]:
    async with AsyncSession(engine, expire_on_commit=False) as s:
        rows = await s.execute(
            select(AuditEvent.action, AuditEvent.actor_id)
            .where(AuditEvent.org_id == org)
            .order_by(AuditEvent.id)
        )
        return [(action, actor) for action, actor in rows]


async def update_then_fail(engine: AsyncEngine, org: int, task_id: int) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await update_task(s, ADA, org, task_id, status="done")
        raise RuntimeError("the request failed after the change")  # rolls back both


async def test_a_change_and_its_audit_row_commit_together(engine: AsyncEngine, org: int) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        task = await create_task(s, ADA, org, "Write the brief")
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await update_task(s, ADA, org, task.id, status="done")
    async with AsyncSession(engine, expire_on_commit=False) as s:
        [created, updated] = await history(s, org, task.id)
    assert (created.action, created.before, created.after) == (
        "create",
        None,
        {"title": "Write the brief", "status": "open", "deleted_at": None},
    )
    assert updated.before is not None
    assert updated.after is not None
    assert (updated.before["status"], updated.after["status"]) == ("open", "done")
    assert updated.actor_id == ADA
    assert updated.at >= created.at  # the database's clock, with a time zone


async def test_a_rolled_back_change_leaves_no_audit_row(engine: AsyncEngine, org: int) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        task = await create_task(s, ADA, org, "Ship it")
    with pytest.raises(RuntimeError):
        await update_then_fail(engine, org, task.id)
    with pytest.raises(DBAPIError):  # too long for the column: refused at the flush
        async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
            await update_task(s, ADA, org, task.id, title="x" * 201)
    assert await events(engine, org) == [("create", ADA)]
    async with AsyncSession(engine, expire_on_commit=False) as s:
        assert (await s.get_one(AuditTask, task.id)).status == "open"


async def test_updating_another_tenants_task_finds_nothing(engine: AsyncEngine, org: int) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        task = await create_task(s, ADA, org, "Mine")
        assert await update_task(s, ADA, org + 500, task.id, status="done") is None


async def test_soft_delete_hides_the_task_and_restore_brings_it_back(
    engine: AsyncEngine, org: int
) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        task = await create_task(s, ADA, org, "Fragile")
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        assert await soft_delete(s, ADA, org, task.id)
        assert not await soft_delete(s, ADA, org, task.id)  # already in the bin
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        assert list(await s.scalars(live_tasks(org))) == []
        assert (await s.get_one(AuditTask, task.id)).deleted_at is not None  # still stored
        assert await restore(s, ADA, org, task.id)
        assert not await restore(s, ADA, org, task.id)  # not deleted any more
    async with AsyncSession(engine, expire_on_commit=False) as s:
        assert [t.title for t in await s.scalars(live_tasks(org))] == ["Fragile"]
    assert [a for a, _ in await events(engine, org)] == ["create", "delete", "restore"]


async def test_a_deleted_title_can_be_reused_but_then_not_restored(
    engine: AsyncEngine, org: int
) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        old = await create_task(s, ADA, org, "Same name")
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await soft_delete(s, ADA, org, old.id)
        await create_task(s, ADA, org, "Same name")  # the partial unique index allows it
    with pytest.raises(IntegrityError, match="lec_audit_tasks_live_title"):
        async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
            await restore(s, ADA, org, old.id)
    assert [a for a, _ in await events(engine, org)] == ["create", "delete", "create"]


async def test_the_retention_job_purges_only_what_is_older_than_the_policy(
    engine: AsyncEngine, org: int
) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        old = await create_task(s, ADA, org, "Old")
        recent = await create_task(s, ADA, org, "Recent")
        await create_task(s, ADA, org, "Live")
        await soft_delete(s, ADA, org, old.id)
        await soft_delete(s, ADA, org, recent.id)
        await s.execute(  # deleted 31 days ago, by the database's clock
            update(AuditTask)
            .where(AuditTask.id == old.id)
            .values(deleted_at=func.now() - timedelta(days=31))
        )
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        purged = await purge_deleted(s, retention=timedelta(days=30))
    async with AsyncSession(engine, expire_on_commit=False) as s:
        remaining = await s.scalars(select(AuditTask.title).where(AuditTask.org_id == org))
        assert sorted(remaining) == ["Live", "Recent"]
        [purge] = await s.scalars(
            select(AuditEvent).where(AuditEvent.action == "purge", AuditEvent.org_id == org)
        )
    assert purged >= 1  # other tests' expired rows may go too: the job spans tenants
    assert (purge.entity_id, purge.actor_id, purge.after) == (old.id, 0, None)
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await s.execute(delete(AuditTask).where(AuditTask.org_id == org))

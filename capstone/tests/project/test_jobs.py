"""Task 13: the retention purge, run by a real Celery worker: what was soft-deleted more than 30
days ago goes for good, with an audit row of ids only; what was deleted since, or is live, stays;
a second run purges nothing more (idempotent)."""

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from .conftest import Jobs
from .test_outbox import team, until

pytestmark = pytest.mark.task(13)

PURGE = "capstone.purge_deleted"


async def task(engine: AsyncEngine, org: int, project: int, deleted_days_ago: int | None) -> int:
    async with engine.begin() as db:
        return int(await db.scalar(text(
            "INSERT INTO tasks (org_id, project_id, title, deleted_at) VALUES (:o, :p, 'T', "
            "now() - make_interval(days => :d)) RETURNING id"),
            {"o": org, "p": project, "d": deleted_days_ago}))  # fmt: skip


async def purge(world: Jobs) -> None:
    task_id = world.publish(PURGE)
    await until(lambda: f"{PURGE}[{task_id}] succeeded" in world.worker.log(), "the purge", world)


async def test_the_purge_removes_expired_rows_once_and_audits_their_ids(
    jobs: tuple[Jobs, AsyncEngine],
) -> None:
    world, engine = jobs
    t = await team(engine)
    expired = await task(engine, t.org_id, t.project_id, 31)
    recent = await task(engine, t.org_id, t.project_id, 29)
    live = await task(engine, t.org_id, t.project_id, None)
    async with engine.begin() as db:
        old_project = await db.scalar(text(
            "INSERT INTO projects (org_id, name, deleted_at) VALUES (:o, 'Old', "
            "now() - interval '40 days') RETURNING id"), {"o": t.org_id})  # fmt: skip

    await purge(world)
    await purge(world)  # again: nothing more to do, nothing audited twice

    async with engine.connect() as db:
        tasks = await db.scalars(text("SELECT id FROM tasks WHERE org_id = :o ORDER BY id"),
                                 {"o": t.org_id})  # fmt: skip
        assert list(tasks) == [recent, live]
        assert await db.scalar(text("SELECT count(*) FROM projects WHERE id = :p"),
                               {"p": old_project}) == 0  # fmt: skip
        audit = await db.execute(text(
            "SELECT action, entity_id, actor_id, before, after FROM audit_events "
            "WHERE org_id = :o ORDER BY id"), {"o": t.org_id})  # fmt: skip
        assert [tuple(row) for row in audit] == [
            ("task.purged", expired, None, None, None),
            ("project.purged", old_project, None, None, None),
        ]

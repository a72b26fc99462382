"""Migration 0007: week 7's rows get an owner; the round trip keeps every task (a guard, 0 points).

Each test works on a fresh database of its own (the session's migrated database stays untouched).
"""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from testkit.db import async_url

from .alembic_helpers import migrate

pytestmark = [pytest.mark.task(8), pytest.mark.points(0)]


@pytest.fixture
async def engine(fresh_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(async_url(fresh_url))
    try:
        yield engine
    finally:
        await engine.dispose()


async def test_existing_rows_go_to_a_seeded_owner_who_cannot_log_in(
    fresh_url: str, engine: AsyncEngine
) -> None:
    await migrate(fresh_url, "upgrade", "0006")  # week 7's schema, with week 7's data
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO categories (id, name) VALUES (1, 'Work')"))
        await conn.execute(text("INSERT INTO tags (id, name) VALUES (1, 'urgent')"))
        await conn.execute(text("INSERT INTO tasks (id, title, status, priority, category_id) "
                                "VALUES (1, 'Old task', 'todo', 'low', 1)"))  # fmt: skip
        await conn.execute(text("INSERT INTO idempotency_keys (key, fingerprint, body, location) "
                                "VALUES ('k', 'f', '{}', '/x')"))  # fmt: skip

    await migrate(fresh_url, "upgrade", "head")

    async with engine.connect() as conn:
        owner = (await conn.execute(text("SELECT id, email, role, password_hash FROM users"))).one()
        assert owner[1:] == ("owner@task-manager.example", "admin", "!")
        for table in ("tasks", "categories", "tags", "idempotency_keys"):
            owners = await conn.scalars(text(f"SELECT DISTINCT owner_id FROM {table}"))  # noqa: S608
            assert list(owners) == [owner[0]], table


async def test_the_downgrade_keeps_tasks_and_renames_clashing_names(
    fresh_url: str, engine: AsyncEngine
) -> None:
    await migrate(fresh_url, "upgrade", "head")
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO users (id, email, password_hash) OVERRIDING SYSTEM "
                                "VALUE VALUES (100, 'a@example.com', '!'), (101, 'b@example.com', '!')"))  # fmt: skip
        await conn.execute(text("INSERT INTO categories (id, owner_id, name) VALUES "
                                "(1, 100, 'Work'), (2, 101, 'work')"))  # fmt: skip
        await conn.execute(text("INSERT INTO tags (id, owner_id, name) VALUES "
                                "(1, 100, 'urgent'), (2, 101, 'urgent')"))  # fmt: skip
        await conn.execute(text("INSERT INTO tasks (owner_id, title, status, priority) VALUES "
                                "(100, 'A', 'todo', 'low'), (101, 'B', 'todo', 'low')"))  # fmt: skip
        await conn.execute(text("INSERT INTO idempotency_keys (owner_id, key, fingerprint, body, "
                                "location) VALUES (100, 'k', 'f', '{}', '/a'), "
                                "(101, 'k', 'f', '{}', '/b')"))  # fmt: skip

    await migrate(fresh_url, "downgrade", "0006")

    async with engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM tasks")) == 2
        names = await conn.execute(text("SELECT name FROM categories ORDER BY id"))
        assert names.scalars().all() == ["Work", "work #2"]
        tags = await conn.execute(text("SELECT name FROM tags ORDER BY id"))
        assert tags.scalars().all() == ["urgent", "urgent #2"]
        assert await conn.scalar(text("SELECT count(*) FROM idempotency_keys")) == 1
    await migrate(fresh_url, "upgrade", "head")  # and up again

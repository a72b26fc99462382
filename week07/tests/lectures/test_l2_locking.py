from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l2_locking as lecture
from week07.lectures.demo_db import scratch_engine


@pytest_asyncio.fixture(loop_scope="session")
async def engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    async with scratch_engine(postgres_url) as engine:
        await lecture.setup(engine)
        yield engine


async def test_optimistic_locking_refuses_the_stale_update(engine: AsyncEngine) -> None:
    outcome = await lecture.optimistic_conflict(engine)
    assert outcome == 'Bob refused; stored: "Alice\'s title" version 2'
    async with engine.connect() as conn:
        row = (await conn.execute(text("SELECT title, version FROM documents"))).one()
    assert tuple(row) == ("Alice's title", 2)


async def test_compare_and_set_by_hand(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        assert await lecture.update_if_version(conn, 1, "new", version=1)
        assert not await lecture.update_if_version(conn, 1, "stale", version=1)
        title = (await conn.execute(text("SELECT title FROM documents"))).scalar_one()
    assert title == "new"


async def test_unlocked_read_modify_write_loses_an_update(engine: AsyncEngine) -> None:
    assert await lecture.lost_update(engine) == 1  # two increments, one survives


async def test_for_update_serializes_the_increments(engine: AsyncEngine) -> None:
    events, value = await lecture.locked_increments(engine)
    # B waited for A's lock, and read A's committed value after A committed.
    assert events == ["A locked", "B waits", "A commits", "B read 1"]
    assert value == 2


async def test_nowait_fails_at_once_on_a_locked_row(engine: AsyncEngine) -> None:
    assert await lecture.nowait(engine) == 'could not obtain lock on row in relation "counters"'


async def test_skip_locked_gives_workers_disjoint_jobs(engine: AsyncEngine) -> None:
    first, second = await lecture.two_workers(engine)
    assert first == [1, 2, 3]
    assert second == [4, 5, 6]

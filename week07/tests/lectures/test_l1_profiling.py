import logging

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l1_profiling as lecture
from week07.lectures.demo_db import scratch_engine
from week07.lectures.events_db import run_script

from testkit.db import count_queries


async def add_users(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await run_script(
            conn,
            "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n"
            "INSERT INTO users SELECT i, 'u' || i || '@example.com' FROM generate_series(1, 20) i",
        )


async def test_profile_counts_the_n_plus_one_shape(scratch: AsyncEngine) -> None:
    await add_users(scratch)
    ids = [3, 1, 2, 5, 4]
    async with scratch.connect() as conn:
        with lecture.profile(scratch) as one_by_one:
            slow = await lecture.emails_one_by_one(conn, ids)
        with lecture.profile(scratch) as at_once, count_queries(scratch) as counted:
            fast = await lecture.emails_at_once(conn, ids)
    assert one_by_one.count == len(ids)
    assert at_once.count == counted.count == 1
    assert sorted(slow) == fast
    assert all(seconds >= 0 for _, seconds in one_by_one.timings)


async def test_slow_query_log_uses_the_threshold(
    scratch: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="week07.slow_queries")
    async with scratch.connect() as conn:
        with lecture.profile(scratch) as never_slow:  # threshold: infinity
            await conn.execute(text("SELECT 1"))
        assert caplog.records == []
        with lecture.profile(scratch, slow_after=0.0) as always_slow:
            await conn.execute(text("SELECT 2"))
    assert [record.getMessage().endswith("SELECT 2") for record in caplog.records] == [True]
    assert never_slow.slowest()[0] == "SELECT 1"
    assert always_slow.count == 1


async def test_echo_logs_every_statement(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine.Engine")
    async with scratch_engine(postgres_url, echo=True) as engine, engine.connect() as conn:
        await conn.execute(text("SELECT 42 AS answer"))
    assert "SELECT 42 AS answer" in [record.getMessage() for record in caplog.records]

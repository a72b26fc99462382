from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l1_explain as lecture
from week07.lectures.demo_db import scratch_engine
from week07.lectures.events_db import create_events


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    async with scratch_engine(postgres_url) as engine:
        await create_events(engine, lecture.USER_EVENTS_INDEX)
        yield engine


async def test_explain_estimates_without_actuals(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        plan = await lecture.explain(conn, lecture.EVENTS_OF_THREE_USERS)
    assert plan["Node Type"] == "Nested Loop"
    assert plan["Total Cost"] >= plan["Startup Cost"] > 0
    assert "Plan Rows" in plan
    assert "Actual Rows" not in plan


async def test_analyze_reports_rows_per_loop_and_buffers(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        plan = await lecture.explain(
            conn, lecture.EVENTS_OF_THREE_USERS, analyze=True, buffers=True
        )
    outer, inner = plan["Plans"]
    assert outer["Actual Rows"] == 3  # three users
    # The inner side ran once per user; "Actual Rows" is per loop: 100 events x 3 loops.
    assert inner["Actual Loops"] == 3
    assert inner["Actual Rows"] * inner["Actual Loops"] == plan["Actual Rows"] == 300
    assert plan["Shared Hit Blocks"] + plan["Shared Read Blocks"] > 0
    # The estimate assumed average users (4 events each): the misestimate the text points out.
    assert plan["Plan Rows"] < plan["Actual Rows"] / 10


async def test_explain_does_not_run_the_statement_but_analyze_does(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        after_explain, during_analyze = await lecture.explain_does_not_run(conn)
        assert after_explain == 20_000
        assert during_analyze == 0
        assert await lecture.count_events(conn) == 20_000  # the savepoint undid the DELETE


async def test_describe_prints_one_line_per_node(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        plan = await lecture.explain(conn, lecture.EVENTS_OF_THREE_USERS, analyze=True)
    lines = lecture.describe(plan)
    assert len(lines) == len(lecture.nodes(plan))
    assert lines[0].startswith("-> Nested Loop")
    assert "using ix_events_user_created" in "\n".join(lines)
    assert lecture.used_indexes(plan) >= {"ix_events_user_created"}

from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l1_index_design as lecture
from week07.lectures.demo_db import scratch_engine
from week07.lectures.events_db import create_events

from testkit.db import explain, node_types, plan_nodes


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    async with scratch_engine(postgres_url) as engine:
        await create_events(engine, *lecture.INDEXES)
        yield engine


def index_names(plan: dict[str, object]) -> set[str]:
    return {str(node["Index Name"]) for node in plan_nodes(plan) if "Index Name" in node}


async def test_composite_index_serves_its_leading_column_and_the_order(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as conn:
        plan = await explain(conn, lecture.LATEST_OF_USER)
    assert index_names(plan) == {"ix_events_user_created"}
    assert "Sort" not in node_types(plan)  # read in index order (backwards), no sorting
    scan = plan_nodes(plan)[1]
    assert scan["Scan Direction"] == "Backward"


async def test_composite_index_cannot_serve_its_second_column_alone(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        plan = await explain(conn, lecture.BY_DAY_ONLY)
    assert node_types(plan) == {"Seq Scan"}


async def test_partial_index_serves_the_queue_and_is_far_smaller(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        plan = await explain(conn, lecture.NEXT_UNPROCESSED)
        partial, full = await lecture.partial_and_full_sizes(conn)
        # The full index was rolled back.
        assert await conn.scalar(text("SELECT to_regclass('ix_events_created_at')")) is None
    assert index_names(plan) == {"ix_events_unprocessed"}
    assert partial * 10 < full


async def test_expression_index_needs_the_same_expression(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        same = await explain(conn, lecture.BY_EMAIL_ANY_CASE)
        other = await explain(conn, lecture.BY_EMAIL_EXACT)
    assert index_names(same) == {"ix_users_email_lower"}
    assert node_types(other) == {"Seq Scan"}


async def test_index_only_scan_needs_the_visibility_map(engine: AsyncEngine) -> None:
    fresh, vacuumed, updated = await lecture.visibility_story(engine)
    assert fresh[0] != "Index Only Scan"  # no visibility map yet: the planner avoids it
    assert vacuumed == ("Index Only Scan", 0)  # every page all-visible: no heap visit
    node, fetches = updated
    assert node == "Index Only Scan"
    assert fetches is not None
    assert fetches > 0  # the updated page must be checked in the table again

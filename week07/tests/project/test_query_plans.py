"""Task 1: the list queries of GET /api/v2/tasks use their indexes on a realistic table.

20,000 tasks (``sample_data``) are added once for this module inside a transaction that is rolled
back at the end. In that transaction the indexes of migration 0005 are replaced by the ones the
implementation's models declare (``query_indexes()``), so the plans show what *your* indexes do.
Each test EXPLAINs the query the app builds (``page_query``): a change to the query that stops it
from using its index fails here, long before production notices.
"""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from testkit import impl_module
from testkit.db import explain, node_types, plan_nodes

pytestmark = pytest.mark.task(1)

schemas = impl_module("week07", "tasks.schemas")
repository = impl_module("week07", "tasks.repository")
sample_data = impl_module("week07", "sample_data")
TaskFilters, TaskSort = schemas.TaskFilters, schemas.TaskSort
PAGE = 21  # the service asks for one row more than the page size, to know if there is a next
MIGRATION_0005 = ["ix_tasks_status_created_at_id", "ix_tasks_category_id_created_at_id",
                  "ix_tasks_lower_title_id"]  # fmt: skip


def use_declared_indexes(sync_conn: Connection) -> None:
    """Swap the migration's query indexes for the model's (DDL is transactional: rolled back)."""
    for name in MIGRATION_0005:
        sync_conn.execute(text(f"DROP INDEX {name}"))
    for index in impl_module("week07", "models").Base.metadata.tables["tasks"].indexes:
        index.create(sync_conn, checkfirst=True)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(db_engine: AsyncEngine) -> AsyncIterator[tuple[AsyncConnection, list[int]]]:
    async with db_engine.connect() as conn:
        transaction = await conn.begin()
        await conn.run_sync(use_declared_indexes)
        categories = await sample_data.seed_tasks(conn, 20_000)
        yield conn, categories
        await transaction.rollback()


async def plan_of(conn: AsyncConnection, filters: Any, sort: Any, after: Any = None) -> Any:
    return await explain(conn, repository.page_query(filters, sort, after, PAGE))


def scans(plan: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(node type, index name) of every node that reads the tasks table."""
    return [
        (node["Node Type"], node.get("Index Name"))
        for node in plan_nodes(plan)
        if node.get("Relation Name") == "tasks"
    ]


@pytest.mark.points(2)
async def test_stuck_work_oldest_first_uses_the_state_index(seeded: Any) -> None:
    conn, _ = seeded
    plan = await plan_of(conn, TaskFilters(status="in_progress"), TaskSort.CREATED_AT)
    assert scans(plan) == [("Index Scan", "ix_tasks_status_created_at_id")]
    assert "Sort" not in node_types(plan)  # the index delivers the order


@pytest.mark.points(2)
async def test_a_category_newest_first_uses_the_category_index(seeded: Any) -> None:
    conn, categories = seeded
    quiet_category = categories[-1]  # one of the 15 small ones
    plan = await plan_of(conn, TaskFilters(category_id=quiet_category), TaskSort.CREATED_AT_DESC)
    assert scans(plan) == [("Index Scan", "ix_tasks_category_id_created_at_id")]
    assert "Sort" not in node_types(plan)


@pytest.mark.points(2)
async def test_title_order_uses_the_expression_index(seeded: Any) -> None:
    conn, _ = seeded
    plan = await plan_of(conn, TaskFilters(), TaskSort.TITLE)
    assert scans(plan) == [("Index Scan", "ix_tasks_lower_title_id")]
    assert "Sort" not in node_types(plan)


async def test_later_pages_start_at_the_cursor_in_the_index(seeded: Any) -> None:
    conn, _ = seeded
    after = (datetime(2024, 6, 1, tzinfo=UTC).isoformat(timespec="microseconds"), 12_345)
    plan = await plan_of(conn, TaskFilters(status="todo"), TaskSort.CREATED_AT_DESC, after)
    [(node, index)] = scans(plan)
    assert (node, index) == ("Index Scan", "ix_tasks_status_created_at_id")
    scan = next(n for n in plan_nodes(plan) if n.get("Index Name") == index)
    # The cursor is an index condition (where to start), not a filter applied row by row.
    assert "created_at" in scan["Index Cond"]
    assert "Filter" not in scan

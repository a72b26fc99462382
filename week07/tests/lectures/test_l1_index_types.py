from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l1_index_types as lecture
from week07.lectures.demo_db import scratch_engine
from week07.lectures.events_db import create_events

from testkit.db import explain, node_types, plan_nodes


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    async with scratch_engine(postgres_url) as engine:
        await create_events(engine, *(example.ddl for example in lecture.EXAMPLES))
        yield engine


def scans_using(plan: dict[str, object], index: str) -> set[str]:
    return {str(node["Node Type"]) for node in plan_nodes(plan) if node.get("Index Name") == index}


@pytest.mark.parametrize(
    ("example", "scan"),
    [
        (lecture.BTREE, "Index Scan"),
        (lecture.HASH, "Index Scan"),
        # GIN and GiST find row positions; a Bitmap Heap Scan reads them page by page.
        (lecture.GIN, "Bitmap Index Scan"),
        (lecture.GIST, "Bitmap Index Scan"),
    ],
    ids=["btree", "hash", "gin", "gist"],
)
async def test_each_query_uses_its_index(
    engine: AsyncEngine, example: lecture.IndexExample, scan: str
) -> None:
    async with engine.connect() as conn:
        plan = await explain(conn, example.query)
    assert scans_using(plan, example.index_name) == {scan}


async def test_the_indexes_are_of_the_types_the_names_say(engine: AsyncEngine) -> None:
    access_methods = text(
        "SELECT c.relname, am.amname FROM pg_class AS c JOIN pg_am AS am ON am.oid = c.relam"
        " WHERE c.relname LIKE 'ix_events_%' AND c.relnamespace = current_schema()::regnamespace"
    )
    async with engine.connect() as conn:
        found: dict[str, str] = dict((await conn.execute(access_methods)).all())
    assert found == {
        "ix_events_created_at": "btree",
        "ix_events_token_hash": "hash",
        "ix_events_tags_gin": "gin",
        "ix_events_active_during_gist": "gist",
    }


async def test_a_hash_index_cannot_serve_a_range(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        plan = await explain(conn, lecture.HASH_CANNOT_RANGE)
    assert node_types(plan) == {"Seq Scan"}


async def test_prefix_like_needs_text_pattern_ops_under_a_linguistic_collation(
    engine: AsyncEngine,
) -> None:
    plain, pattern_ops = await lecture.prefix_like_plans(engine)
    assert node_types(plain) == {"Seq Scan"}  # the plain B-tree on email cannot serve it
    assert scans_using(pattern_ops, lecture.PATTERN_OPS.index_name)

"""Lecture 3: full-text search ranks, stems and matches prefixes, and uses its GIN index (EXPLAIN
on a seeded table); ILIKE finds substrings by reading every row."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from capstone.lectures.l3_search import SearchTask, explain, full_text, prefix_query, substring
from sqlalchemy import Executable, delete, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

ORG = 1
FILLER = 5000  # the tenant's other tasks: reading them all is what an index saves


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    async with engine.begin() as conn:
        await conn.execute(
            insert(SearchTask),
            [
                {"id": 1, "org_id": ORG, "title": "Deploy the API", "description": "staging first"},
                {"id": 2, "org_id": ORG, "title": "Write docs", "description": "after deploying"},
                {"id": 3, "org_id": ORG, "title": "Fix 100% CPU", "description": None},
                {"id": 4, "org_id": ORG, "title": "Rename user_id", "description": None},
                {"id": 5, "org_id": 2, "title": "Deploy Globex", "description": None},
            ],
        )
        await conn.execute(
            text(
                "INSERT INTO lec_search_tasks (id, org_id, title, description)"
                " SELECT n, :org, 'routine chore ' || n, 'nothing to see'"
                " FROM generate_series(100, 100 + :filler) AS n"
            ),
            {"filler": FILLER, "org": ORG},
        )
    # VACUUM (outside a transaction) merges the GIN index's pending list of fresh entries; ANALYZE
    # gives the planner statistics. A bulk load without both: the planner rightly avoids the index.
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE lec_search_tasks"))
    yield engine
    async with engine.begin() as conn:
        await conn.execute(delete(SearchTask))


async def run(engine: AsyncEngine, query: Executable) -> list[tuple[Any, ...]]:
    async with AsyncSession(engine) as s:
        return [tuple(row) for row in await s.execute(query)]


async def test_title_hits_rank_above_description_hits_and_words_are_stemmed(
    seeded: AsyncEngine,
) -> None:
    rows = await run(seeded, full_text(ORG, "deploy"))
    assert [row[:2] for row in rows] == [(1, "Deploy the API"), (2, "Write docs")]  # "deploying"
    assert rows[0][2] > rows[1][2]  # weight A (title) over B (description)


async def test_a_prefix_matches_while_the_user_is_typing(seeded: AsyncEngine) -> None:
    assert [row[0] for row in await run(seeded, full_text(ORG, "depl"))] == [1, 2]
    assert [row[0] for row in await run(seeded, full_text(ORG, "deploy staging"))] == [1]


@pytest.mark.parametrize("q", ["", "!!!", "a & (b", "'; DROP TABLE x; --"])
async def test_operators_in_user_input_are_not_query_syntax(seeded: AsyncEngine, q: str) -> None:
    await run(seeded, full_text(ORG, q))  # no syntax error from to_tsquery, whatever was typed


def test_the_tsquery_is_built_from_words_only() -> None:
    assert prefix_query("Deploy  the AP") == "deploy & the & ap:*"
    assert prefix_query("&!()") is None


async def test_ilike_finds_substrings_with_wildcards_escaped(seeded: AsyncEngine) -> None:
    assert [row[0] for row in await run(seeded, substring(ORG, "ploy"))] == [1]  # mid-word
    assert [row[0] for row in await run(seeded, substring(ORG, "100%"))] == [3]
    assert [row[0] for row in await run(seeded, substring(ORG, "_"))] == [4]  # literal "_"


async def test_each_tenant_searches_only_its_own_tasks(seeded: AsyncEngine) -> None:
    assert [row[0] for row in await run(seeded, full_text(2, "deploy"))] == [5]


async def test_explain_shows_the_gin_index_for_full_text_and_not_for_ilike(
    seeded: AsyncEngine,
) -> None:
    async with AsyncSession(seeded) as s:
        fts_plan = await explain(s, full_text(ORG, "deploy ap"))  # typing "deploy api"
        like_plan = await explain(s, substring(ORG, "deploy"))
    assert "Bitmap Index Scan on lec_search_tasks_document" in fts_plan
    assert "lec_search_tasks_document" not in like_plan

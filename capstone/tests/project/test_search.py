"""Full-text search over tasks: ranked (a title hit above a description hit), the last word a
prefix, stemmed, live tasks of the organisation only, and any text is a query (never a 500)."""

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from testkit import impl_module

from .conftest import Org

pytestmark = pytest.mark.task(9)
search = impl_module("capstone", "tasks.search")


@pytest.mark.parametrize(
    ("q", "terms"),
    [
        ("Deploy  the AP", "deploy & the & ap:*"),
        ("deploy!", "deploy:*"),
        ("a & !(b | c)", "a & b & c:*"),  # the user's text is words, never tsquery syntax
        ("&&& !!", None),
    ],
)
def test_a_query_is_the_words_the_last_one_a_prefix(q: str, terms: str | None) -> None:
    assert search.prefix_query(q) == terms


async def test_search_ranks_title_hits_first_and_matches_prefixes_and_stems(
    member: httpx.AsyncClient, acme: Org
) -> None:
    async def task(title: str, description: str = "") -> int:
        body = {"project_id": acme.project_id, "title": title, "description": description}
        created = await member.post(f"/orgs/{acme.id}/tasks", json=body)
        assert created.status_code == 201, created.text
        return int(created.json()["id"])

    in_description = await task("Write the runbook", "How we deployed the API last time")
    in_title = await task("Deploy the API")
    gone = await task("Deploy the docs")
    await task("Unrelated")
    assert (await member.delete(f"/orgs/{acme.id}/tasks/{gone}")).status_code == 204

    async def ids(q: str) -> list[int]:
        response = await member.get(f"/orgs/{acme.id}/search", params={"q": q})
        assert response.status_code == 200, response.text
        return [hit["id"] for hit in response.json()]

    assert await ids("deploying") == [in_title, in_description]  # stemmed; title first
    assert await ids("depl") == [in_title, in_description]  # the last word is a prefix
    assert await ids("api runb") == [in_description]  # every word must match
    assert await ids("&& !(") == []  # no words: nothing, not an error
    assert (await member.get(f"/orgs/{acme.id}/search")).status_code == 422


async def test_the_search_uses_the_gin_index(db_connection: AsyncConnection) -> None:
    """The evidence: with sequential scans priced out (a test table is tiny), the planner can
    answer from the GIN index, which it could not for ILIKE '%...%'."""
    await db_connection.execute(text("SET LOCAL enable_seqscan = off"))
    query = "SELECT id FROM tasks WHERE document @@ to_tsquery('english', 'deploy:*')"
    plan = "\n".join((await db_connection.execute(text(f"EXPLAIN {query}"))).scalars())
    assert "ix_tasks_document" in plan

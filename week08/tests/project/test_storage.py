"""Task 7: idempotent upserts, sync cursors, ETags and conditional requests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from week08.fakes.github import FakeGitHub, issue

from testkit import impl_module
from testkit.fake_upstream import FakeUpstream

from .conftest import count_rows, items, sync

pytestmark = pytest.mark.task(7)

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def item(external_id: str, title: str, updated: datetime, **extra: Any) -> Any:
    schemas = impl_module("week08", "items.schemas")
    return schemas.ItemIn(
        source="github", kind="repository", external_id=external_id, title=title,
        occurred_at=T0, source_updated_at=updated, **extra,
    )  # fmt: skip


def repository(db_session: AsyncSession) -> Any:
    return impl_module("week08", "items.repository").ItemRepository(db_session)


@pytest.mark.points(2)
async def test_upsert_inserts_then_finds_everything_unchanged(db_session: AsyncSession) -> None:
    repo = repository(db_session)
    batch = [item("1", "one", T0), item("2", "two", T0)]

    first = await repo.upsert_many(batch)
    second = await repo.upsert_many(batch)

    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 2)


@pytest.mark.points(2)
async def test_upsert_updates_a_changed_record_only(db_session: AsyncSession) -> None:
    repo = repository(db_session)
    await repo.upsert_many([item("1", "one", T0), item("2", "two", T0)])

    later = T0 + timedelta(hours=1)
    counts = await repo.upsert_many([item("1", "one, renamed", later), item("2", "two", later)])

    assert (counts.inserted, counts.updated, counts.unchanged) == (0, 1, 1)
    stored = await repo.page(source=None, kind=None, limit=10, after=None)
    assert sorted(i.title for i in stored) == ["one, renamed", "two"]


@pytest.mark.points(2)
async def test_an_older_version_never_overwrites_a_newer_one(db_session: AsyncSession) -> None:
    repo = repository(db_session)
    await repo.upsert_many([item("1", "new title", T0 + timedelta(hours=1))])

    counts = await repo.upsert_many([item("1", "old title", T0)])

    assert counts.unchanged == 1
    (stored,) = await repo.page(source=None, kind=None, limit=10, after=None)
    assert stored.title == "new title"


@pytest.mark.points(2)
async def test_a_record_twice_in_one_batch_is_stored_once_in_its_latest_version(
    db_session: AsyncSession,
) -> None:
    repo = repository(db_session)
    later = T0 + timedelta(minutes=5)

    counts = await repo.upsert_many([item("1", "late", later), item("1", "early", T0)])

    assert (counts.inserted, counts.unchanged) == (1, 1)
    (stored,) = await repo.page(source=None, kind=None, limit=10, after=None)
    assert stored.title == "late"


async def test_a_batch_larger_than_one_statement_is_stored_whole(db_session: AsyncSession) -> None:
    repo = repository(db_session)
    batch = [item(str(n), f"repo {n}", T0) for n in range(1, 502)]

    counts = await repo.upsert_many(batch)

    assert counts.inserted == 501


async def test_the_keyset_page_filters_and_continues_after_the_cursor(
    db_session: AsyncSession,
) -> None:
    repo = repository(db_session)
    schemas = impl_module("week08", "items.schemas")
    await repo.upsert_many([item(str(n), f"r{n}", T0) for n in range(1, 6)])
    first = await repo.page(source=schemas.SourceName.GITHUB, kind=None, limit=2, after=None)
    rest = await repo.page(
        source=None, kind=schemas.ItemKind.REPOSITORY, limit=10,
        after=(first[-1].occurred_at, first[-1].id),
    )  # fmt: skip
    other = await repo.page(source=schemas.SourceName.WEATHER, kind=None, limit=10, after=None)

    assert len(first) == 2
    assert [i.id for i in first + rest] == sorted((i.id for i in first + rest), reverse=True)
    assert len(first + rest) == 5
    assert other == []


@pytest.mark.points(2)
async def test_a_second_sync_stores_nothing_new(
    client: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    first = await sync(client, "github")
    rows = await count_rows(db_connection, "items")
    second = await sync(client, "github")

    assert first["counts"]["inserted"] == rows == 5  # 3 repositories, 1 issue, 1 pull request
    assert second["counts"]["inserted"] == second["counts"]["updated"] == 0
    assert await count_rows(db_connection, "items") == rows


@pytest.mark.points(3)
async def test_the_etag_makes_the_second_walk_a_single_304(
    client: httpx.AsyncClient, github: FakeUpstream
) -> None:
    await sync(client, "github")
    github.requests.clear()

    status = await sync(client, "github")

    (first_page,) = github.requests_to("/orgs/acme/repos")  # one request, no page 2
    assert first_page.headers["if-none-match"].startswith('W/"')
    assert status["not_modified"] is True
    assert status["status"] == "ok"


@pytest.mark.points(2)
async def test_a_changed_listing_is_walked_again(
    client: httpx.AsyncClient, github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    await sync(client, "github")
    github_fake.repos[2]["updated_at"] = "2026-12-01T07:00:00Z"
    github_fake.repos.insert(0, github_fake.repos.pop(2))  # most recently updated first
    github.requests.clear()

    status = await sync(client, "github")

    assert status["not_modified"] is False
    assert status["counts"]["updated"] == 1
    assert len(github.requests_to("/orgs/acme/repos")) == 2


@pytest.mark.points(3)
async def test_issues_are_fetched_since_the_stored_cursor(
    client: httpx.AsyncClient, github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    await sync(client, "github")
    github_fake.issues["acme/rocket"].append(issue(9003, 3, "New", "2026-11-30T09:00:00Z"))
    github.requests.clear()

    status = await sync(client, "github")

    (request,) = github.requests_to("/repos/acme/rocket/issues")
    assert "since=2026-11-25T10%3A00%3A00Z" in request.query
    assert status["counts"]["inserted"] == 1
    assert any(i["title"] == "acme/rocket#3: New" for i in await items(client, kind="issue"))


@pytest.mark.points(2)
async def test_payment_events_are_fetched_from_the_cursor_on(
    client: httpx.AsyncClient, stripe: FakeUpstream
) -> None:
    await sync(client, "payments")
    stripe.requests.clear()

    await sync(client, "payments")

    assert all("created%5Bgte%5D=1796030100" in r.query for r in stripe.requests_to("/v1/events"))
    (payment,) = await items(client, source="payments")
    assert (payment["status"], payment["amount"], payment["currency"]) == ("succeeded", 2000, "EUR")

"""Task 3: optimistic concurrency over HTTP - ETag, If-Match and 412 Precondition Failed."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import hostile, impl_module

from .conftest import Live
from .factories import V1, create_task

pytestmark = pytest.mark.task(3)
etags = impl_module("week07", "etags")
repository = impl_module("week07", "tasks.repository")
exceptions = impl_module("week07", "tasks.exceptions")
TaskIn = impl_module("week07", "tasks.schemas").TaskIn


def assert_precondition_failed(response: httpx.Response) -> None:
    assert response.status_code == 412, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("/precondition-failed")
    assert "changed" in problem["detail"]


@pytest.mark.parametrize(
    ("header", "versions", "any_version"),
    [
        ('"3"', {3}, False),
        ('"3", "4"', {3, 4}, False),
        ('  "3" ,"12"  ', {3, 12}, False),
        ("*", set(), True),
        ('W/"3"', set(), False),  # weak tags never match If-Match (strong comparison)
        ('W/"3", "5"', {5}, False),
        ('"abc"', set(), False),  # not one of our tags
        ("3", set(), False),  # malformed: unquoted
        ('"3" "4"', set(), False),  # malformed: no comma
    ],
)
def test_parse_if_match(header: str, versions: set[int], any_version: bool) -> None:
    parsed = etags.parse_if_match(header)
    assert parsed.versions == versions
    assert parsed.any_version is any_version


def test_etag_is_the_quoted_version() -> None:
    assert etags.etag(7) == '"7"'


@pytest.mark.points(2)
async def test_get_and_create_send_the_etag(v2: httpx.AsyncClient) -> None:
    created = await v2.post("/tasks", json={"title": "Tagged"})
    assert created.headers["etag"] == '"1"'
    fetched = await v2.get(f"/tasks/{created.json()['id']}")
    assert fetched.headers["etag"] == '"1"'


@pytest.mark.points(3)
async def test_stale_if_match_is_refused_with_412(v2: httpx.AsyncClient) -> None:
    task = await create_task(v2)
    url = f"/tasks/{task['id']}"
    alice = await v2.patch(url, json={"title": "Alice's"}, headers={"If-Match": '"1"'})
    assert alice.status_code == 200, alice.text
    assert alice.headers["etag"] == '"2"'

    bob = await v2.patch(url, json={"title": "Bob's"}, headers={"If-Match": '"1"'})  # stale

    assert_precondition_failed(bob)
    assert "version 2" in bob.json()["detail"]
    assert (await v2.get(url)).json()["title"] == "Alice's"  # Alice's change survived


@pytest.mark.points(2)
async def test_put_and_delete_honour_if_match(v2: httpx.AsyncClient) -> None:
    task = await create_task(v2)
    url = f"/tasks/{task['id']}"
    stale_put = await v2.put(url, json={"title": "x"}, headers={"If-Match": '"9"'})
    assert_precondition_failed(stale_put)
    put = await v2.put(url, json={"title": "Replaced"}, headers={"If-Match": '"0", "1"'})
    assert put.status_code == 200, put.text
    assert put.headers["etag"] == '"2"'

    stale_delete = await v2.delete(url, headers={"If-Match": '"1"'})
    assert_precondition_failed(stale_delete)
    assert (await v2.get(url)).status_code == 200
    assert (await v2.delete(url, headers={"If-Match": '"2"'})).status_code == 204


async def test_weak_or_malformed_tags_never_match(v2: httpx.AsyncClient) -> None:
    task = await create_task(v2)
    url = f"/tasks/{task['id']}"
    for header in ('W/"1"', "1", "garbage"):
        assert_precondition_failed(
            await v2.patch(url, json={"title": "x"}, headers={"If-Match": header})
        )


async def test_star_and_no_header_update_any_version(v2: httpx.AsyncClient) -> None:
    task = await create_task(v2)
    url = f"/tasks/{task['id']}"
    star = await v2.patch(url, json={"priority": "high"}, headers={"If-Match": "*"})
    assert star.headers["etag"] == '"2"'
    # Without If-Match the last write wins (documented: v2 clients that predate ETags still work).
    plain = await v2.patch(url, json={"priority": "low"})
    assert plain.status_code == 200
    assert plain.headers["etag"] == '"3"'


async def test_every_change_bumps_the_version_even_through_v1(v2: httpx.AsyncClient) -> None:
    task = await create_task(v2)
    changed = await v2.patch(f"{V1}/tasks/{task['id']}", json={"tag_ids": []})
    assert changed.status_code == 200
    assert (await v2.get(f"/tasks/{task['id']}")).headers["etag"] == '"2"'


async def test_unknown_task_is_404_not_412(v2: httpx.AsyncClient) -> None:
    response = await v2.patch("/tasks/999999", json={"title": "x"}, headers={"If-Match": '"1"'})
    assert response.status_code == 404


@pytest.mark.points(2)
async def test_the_version_is_compared_in_the_updates_where(db_session: AsyncSession) -> None:
    """The race If-Match alone cannot see: another transaction commits after our read. The
    UPDATE compares the version in the same statement that writes (compare-and-set)."""
    repo = repository.SqlTaskRepository(db_session)
    task = await repo.add(TaskIn(title="Raced"))
    loaded: Any = await repo.get(task.id)
    # Someone else's UPDATE, behind the ORM's back (our object still says version 1).
    await db_session.execute(
        text("UPDATE tasks SET version = version + 1 WHERE id = :id"), {"id": task.id}
    )

    assert await repo.update(loaded, {"title": "Lost?"}, versions={1}) is None  # no row matched
    assert not await repo.delete(loaded, versions={1})
    written = await repo.update(loaded, {"title": "Kept"}, versions={2, 7})
    assert (written.title, written.version) == ("Kept", 3)
    anyway = await repo.update(loaded, {"title": "Last"})  # no versions given: the last write wins
    assert (anyway.title, anyway.version) == ("Last", 4)
    assert await repo.delete(loaded, versions={4})


@pytest.mark.points(3)
async def test_ten_patches_with_one_if_match_one_wins_nine_get_412(live: Live) -> None:
    """Over real HTTP, each request its own transaction: the compare-and-set lets one through."""
    async with live.client("/api/v2") as client:
        url = f"/tasks/{(await create_task(client))['id']}"

        def patch(n: int) -> Any:
            return lambda: client.patch(url, json={"title": f"#{n}"}, headers={"If-Match": '"1"'})

        answers = await hostile.at_once(patch(n) for n in range(10))
        final = await client.get(url)

    assert hostile.tally(answers) == {200: 1, 412: 9}
    winner = next(a for a in answers if isinstance(a, httpx.Response) and a.status_code == 200)
    assert final.json()["title"] == winner.json()["title"]
    assert final.headers["etag"] == '"2"'


@pytest.mark.points(2)
async def test_ten_patches_without_if_match_all_apply(live: Live) -> None:
    async with live.client("/api/v2") as client:
        url = f"/tasks/{(await create_task(client))['id']}"
        answers = await hostile.at_once([lambda: client.patch(url, json={"priority": "high"})] * 10)
        final = await client.get(url)

    assert hostile.tally(answers) == {200: 10}  # the last write wins, none is lost as an error
    assert final.headers["etag"] == '"11"'

"""Who is told of a change personally (``events.notices``), the changes kept on the session, and
the listeners ``get_session`` calls before and after its commit."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from testkit import impl_module

from .conftest import Org

events = impl_module("capstone", "events")
Change, Notice, Reason = events.Change, events.Notice, events.Reason
keep, kept, notices, take = events.keep, events.kept, events.notices, events.take

ACTOR, ALICE, BOB = 1, 2, 3


def change(entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> Any:
    return Change(10, ACTOR, f"{entity}.updated", entity, 7, before, after)


def told(
    entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> list[tuple[int, Any]]:
    return [(n.user_id, n.reason) for n in notices(change(entity, before, after))]


@pytest.mark.task(12)
def test_a_task_tells_its_new_assignee() -> None:
    assert told("task", None, {"assignee_id": ALICE}) == [(ALICE, Reason.assigned)]
    assert told("task", {"assignee_id": BOB}, {"assignee_id": ALICE}) == [(ALICE, Reason.assigned)]


@pytest.mark.task(12)
def test_a_task_tells_nobody_when_the_assignee_stays_goes_or_is_the_actor() -> None:
    assert told("task", {"assignee_id": ALICE}, {"assignee_id": ALICE, "title": "x"}) == []
    assert told("task", {"assignee_id": ALICE}, {"assignee_id": None}) == []
    assert told("task", {"assignee_id": ALICE}, None) == []  # deleted
    assert told("task", None, {"assignee_id": ACTOR}) == []


@pytest.mark.task(12)
def test_a_comment_tells_the_newly_mentioned_but_not_its_author() -> None:
    assert told("comment", None, {"mentions": [ALICE, ACTOR, BOB]}) == [
        (ALICE, Reason.mentioned),
        (BOB, Reason.mentioned),
    ]
    assert told("comment", {"mentions": [ALICE]}, {"mentions": [ALICE, BOB]}) == [
        (BOB, Reason.mentioned)
    ]
    assert told("comment", {"mentions": [ALICE]}, None) == []


@pytest.mark.task(12)
def test_other_changes_tell_nobody() -> None:
    assert told("project", None, {"assignee_id": ALICE, "mentions": [BOB]}) == []


@pytest.mark.task(12)
def test_the_notice_carries_its_change() -> None:
    assigned = change("task", None, {"assignee_id": ALICE})
    assert notices(assigned) == [Notice(ALICE, Reason.assigned, assigned)]


class FakeSession:
    def __init__(self) -> None:
        self.info: dict[str, Any] = {}


@pytest.mark.task(0)
def test_changes_are_kept_until_taken() -> None:
    session: Any = FakeSession()
    first, second = change("task", None, {}), change("comment", None, {})
    assert kept(session) == []
    assert take(session) == []
    keep(session, first)
    keep(session, second)
    assert kept(session) == [first, second]
    assert take(session) == [first, second]
    assert kept(session) == []


@pytest.fixture
def listeners(app: Any) -> Iterator[Any]:
    """The app's listeners, with whatever a test adds removed afterwards (the app is shared)."""
    listeners = app.state.listeners
    before, after = list(listeners.before_commit), list(listeners.after_commit)
    yield listeners
    listeners.before_commit[:], listeners.after_commit[:] = before, after


@pytest.mark.task(0)
async def test_listeners_hear_a_requests_changes_before_and_after_its_commit(
    listeners: Any, member: httpx.AsyncClient, acme: Org
) -> None:
    heard: list[tuple[str, list[str]]] = []

    async def before(session: Any, changes: list[Any]) -> None:
        heard.append(("before", [c.action for c in changes]))

    async def after(changes: list[Any]) -> None:
        heard.append(("after", [c.action for c in changes]))

    listeners.before_commit.append(before)
    listeners.after_commit.append(after)
    patched = await member.patch(f"/orgs/{acme.id}/tasks/{acme.task_id}", json={"title": "New"})
    assert patched.status_code == 200, patched.text
    assert heard == [("before", ["task.updated"]), ("after", ["task.updated"])]
    heard.clear()
    assert (await member.get(f"/orgs/{acme.id}/tasks/{acme.task_id}")).status_code == 200
    assert heard == []  # a read changes nothing: nobody is called


@pytest.mark.task(0)
async def test_a_failing_before_commit_listener_rolls_the_change_back(
    listeners: Any, member: httpx.AsyncClient, acme: Org
) -> None:
    async def broken(session: Any, changes: list[Any]) -> None:
        raise RuntimeError("the outbox is broken")

    listeners.before_commit.append(broken)
    with pytest.raises(RuntimeError, match="outbox"):
        await member.patch(f"/orgs/{acme.id}/tasks/{acme.task_id}", json={"title": "Lost"})
    listeners.before_commit.remove(broken)
    task = await member.get(f"/orgs/{acme.id}/tasks/{acme.task_id}")
    assert task.json()["title"] != "Lost"


@pytest.mark.task(0)
async def test_a_failing_after_commit_listener_is_logged_and_the_change_stays(
    listeners: Any, member: httpx.AsyncClient, acme: Org
) -> None:
    async def broken(changes: list[Any]) -> None:
        raise ConnectionError("Redis is down")

    listeners.after_commit.append(broken)
    patched = await member.patch(f"/orgs/{acme.id}/tasks/{acme.task_id}", json={"title": "Kept"})
    assert patched.status_code == 200, patched.text
    assert (await member.get(f"/orgs/{acme.id}/tasks/{acme.task_id}")).json()["title"] == "Kept"

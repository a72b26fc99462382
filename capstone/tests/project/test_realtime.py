"""Task 12: real-time notifications over ``/api/v1/ws``, across two app processes.

Real components only: two uvicorn servers of the app sharing a PostgreSQL database of their own
(every request commits) and a Redis server of their own (the last test stops it), and the
``websockets`` client. ``a`` runs in a thread of the test process, ``b`` in a process of its own:
two event loops, two subscriptions, nothing shared but PostgreSQL and Redis (and ``a`` is measured
by the coverage run). ``b`` starts with the session (``realtime_world``), ``a`` once for the
module. No sleeps: every wait is for something to happen (a message, a closed socket, an open
port, Redis's list of subscribers), with a deadline.

Proving that something did NOT arrive needs no timer either: events of one process arrive in the
order they were published, so a socket's next message being a later event proves the earlier one
was never sent to it.
"""

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Future
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
import redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from testkit import impl_module
from testkit.db import async_url
from testkit.http import LiveServer
from testkit.services.redis import ThrowawayRedis

from .conftest import SECRET, RealtimeWorld

pytestmark = pytest.mark.task(12)

WAIT = 10.0  # seconds: generous for a loaded machine; a correct run takes milliseconds
AUTH_TIMEOUT, IDLE_TIMEOUT = 0.5, 1.0  # the impatient server's (``impatient``)
POLICY_VIOLATION, GOING_AWAY = 1008, 1001
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Person:
    id: int
    email: str
    token: str


@dataclass(frozen=True)
class Org:
    id: int
    admin: Person
    member: Person
    project_id: int
    task_id: int


@dataclass
class Stack:
    a: str  # the URLs of the two app processes
    b: str
    engine: AsyncEngine  # the processes' database
    redis: ThrowawayRedis
    tokens: Any  # a codec with the processes' secret
    make_app: Any  # another app on the same database and Redis: make_app(auth=..., idle=...)

    async def person(self, name: str, *, issued: datetime | None = None) -> Person:
        email = f"{name}-{next(_numbers)}@example.com"
        async with self.engine.begin() as conn:
            user_id = int(
                await conn.scalar(
                    text("INSERT INTO users (email, password_hash) VALUES (:e, 'x') RETURNING id"),
                    {"e": email},
                )
            )
        return Person(user_id, email, self.tokens.access_token(user_id, issued or now()))

    async def org(self, name: str) -> Org:
        """An organisation with an admin and a member, one project holding one task."""
        admin, member = await self.person(f"{name}-admin"), await self.person(f"{name}-member")
        async with self.engine.begin() as conn:
            org_id = await conn.scalar(
                text("INSERT INTO organisations (name, slug) VALUES (:n, :s) RETURNING id"),
                {"n": name, "s": f"{name}-{next(_numbers)}"},
            )
            await conn.execute(
                text("INSERT INTO memberships (org_id, user_id, role) VALUES (:o, :u, :r)"),
                [{"o": org_id, "u": admin.id, "r": "admin"},
                 {"o": org_id, "u": member.id, "r": "member"}],
            )  # fmt: skip
            project_id = await conn.scalar(
                text("INSERT INTO projects (org_id, name) VALUES (:o, 'Launch') RETURNING id"),
                {"o": org_id},
            )
            task_id = await conn.scalar(
                text("INSERT INTO tasks (org_id, project_id, title) VALUES (:o, :p, 'Plan') RETURNING id"),
                {"o": org_id, "p": project_id},
            )  # fmt: skip
        return Org(int(org_id), admin, member, int(project_id), int(task_id))


def now() -> datetime:
    return datetime.now(UTC)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def stack(realtime_world: Future[RealtimeWorld]) -> AsyncIterator[Stack]:
    """``b`` began with the session (``realtime_world``); ``a`` is built and started here."""
    world = realtime_world.result()
    engine = create_async_engine(async_url(world.database_url))
    module = impl_module("capstone", "settings")
    here = module.Settings(  # the same secrets; b's Redis
        jwt_secret=SECRET,
        cursor_secret=SECRET,
        password_cost=module.PasswordCost(time_cost=1, memory_kib=1024, parallelism=1),
        redis_url=world.redis.url(),
    )
    timeouts = impl_module("capstone", "realtime").Timeouts

    def make_app(auth: float = 10, idle: float = 30) -> Any:
        create_app = impl_module("capstone", "main").create_app
        return create_app(
            database=world.database_url, settings=here, realtime=timeouts(auth=auth, idle=idle)
        )

    try:
        a = LiveServer(make_app()).start(timeout=WAIT)
        try:
            tokens = impl_module("capstone", "auth.tokens").TokenCodec(here)
            yield Stack(a.url, world.b, engine, world.redis, tokens, make_app)
        finally:
            a.stop()
    finally:
        await engine.dispose()


def api(url: str, person: Person) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {person.token}"}
    return httpx.AsyncClient(base_url=f"{url}/api/v1", headers=headers, timeout=WAIT)


@asynccontextmanager
async def raw_socket(url: str) -> AsyncIterator[ClientConnection]:
    """A connection that has sent nothing yet. A refused handshake (an endpoint that raised
    before accepting: HTTP 500) fails the test as an assertion."""
    ws_url = "ws" + url.removeprefix("http") + "/api/v1/ws"
    try:
        opened = await connect(ws_url, open_timeout=WAIT, close_timeout=2, proxy=None)
    except InvalidStatus as exc:
        raise AssertionError(f"the server refused the WebSocket: {exc}") from None
    async with opened as ws:
        yield ws


@asynccontextmanager
async def socket_of(
    url: str, person: Person, last_event_id: str | None = None
) -> AsyncIterator[ClientConnection]:
    """Authenticated: ``ready`` has been read, so the person's room holds this socket."""
    async with raw_socket(url) as ws:
        auth: dict[str, Any] = {"type": "auth", "token": person.token}
        if last_event_id is not None:
            auth["last_event_id"] = last_event_id
        await ws.send(json.dumps(auth))
        assert await receive(ws) == {"type": "ready", "user_id": person.id}
        yield ws


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message = await asyncio.wait_for(ws.recv(), WAIT)
    assert isinstance(message, str), "the server sends JSON text frames"
    parsed: dict[str, Any] = json.loads(message)
    return parsed


async def ask(ws: ClientConnection, **message: Any) -> dict[str, Any]:
    await ws.send(json.dumps(message))
    return await receive(ws)


async def subscribe(ws: ClientConnection, org: Org, **extra: Any) -> None:
    answer = await ask(ws, type="subscribe", org_id=org.id, project_id=org.project_id, **extra)
    assert answer == {"type": "subscribed", "org_id": org.id, "project_id": org.project_id}


async def close_code(ws: ClientConnection) -> int | None:
    """The code the server closed the socket with (reading until it does)."""
    try:
        while True:
            await asyncio.wait_for(ws.recv(), WAIT)
    except ConnectionClosed:
        pass
    return ws.close_code


async def patch_task(url: str, person: Person, org: Org, **changes: Any) -> None:
    async with api(url, person) as http:
        answer = await http.patch(f"/orgs/{org.id}/tasks/{org.task_id}", json=changes)
    assert answer.status_code == 200, answer.text


async def comment(url: str, person: Person, org: Org, body: str) -> int:
    async with api(url, person) as http:
        answer = await http.post(
            f"/orgs/{org.id}/tasks/{org.task_id}/comments", json={"body": body}
        )
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def ids(event: dict[str, Any], *keys: str) -> tuple[Any, ...]:
    return tuple(event.get(key) for key in keys)


async def test_an_assignment_through_a_reaches_the_assignee_on_b(stack: Stack) -> None:
    acme = await stack.org("acme")
    async with socket_of(stack.b, acme.member) as assignee, socket_of(stack.a, acme.admin) as actor:
        await subscribe(actor, acme)
        await patch_task(stack.a, acme.admin, acme, assignee_id=acme.member.id)

        notice = await receive(assignee)
        assert ids(notice, "type", "room", "reason", "org_id", "project_id", "task_id") == (
            "task.updated", "user", "assigned", acme.id, acme.project_id, acme.task_id
        )  # fmt: skip
        assert notice["actor_id"] == acme.admin.id
        assert not {"title", "assignee_id"} & notice.keys()  # what changed, not the new state

        # The actor hears of it in the project room, and never personally: had a notice been
        # published to them, it would arrive before the room's next event.
        assert ids(await receive(actor), "type", "room") == ("task.updated", "project")
        await comment(stack.a, acme.member, acme, "On it")
        assert ids(await receive(actor), "type", "room") == ("comment.created", "project")


async def test_a_mention_reaches_the_mentioned_member(stack: Stack) -> None:
    acme = await stack.org("acme")
    async with socket_of(stack.a, acme.admin) as mentioned:
        comment_id = await comment(stack.b, acme.member, acme, f"@{acme.admin.email} please look")
        notice = await receive(mentioned)
    assert ids(notice, "type", "room", "reason", "comment_id", "task_id", "project_id") == (
        "comment.created", "user", "mentioned", comment_id, acme.task_id, acme.project_id
    )  # fmt: skip


async def test_the_project_room_hears_of_its_tasks(stack: Stack) -> None:
    acme = await stack.org("acme")
    async with socket_of(stack.a, acme.member) as ws, api(stack.b, acme.admin) as http:
        await subscribe(ws, acme)
        created = await http.post(
            f"/orgs/{acme.id}/tasks", json={"project_id": acme.project_id, "title": "Ship"}
        )
        assert created.status_code == 201, created.text
        task_id = created.json()["id"]
        assert ids(await receive(ws), "type", "task_id", "project_id") == (
            "task.created", task_id, acme.project_id
        )  # fmt: skip
        await patch_task(stack.b, acme.admin, acme, status="in_progress")
        assert ids(await receive(ws), "type", "task_id") == ("task.updated", acme.task_id)
        deleted = await http.delete(f"/orgs/{acme.id}/tasks/{task_id}")
        assert deleted.status_code == 204, deleted.text
        assert ids(await receive(ws), "type", "task_id") == ("task.deleted", task_id)
        renamed = await http.patch(
            f"/orgs/{acme.id}/projects/{acme.project_id}", json={"name": "Go"}
        )
        assert renamed.status_code == 200, renamed.text
        assert ids(await receive(ws), "type", "project_id") == ("project.updated", acme.project_id)

        assert await ask(ws, type="unsubscribe", project_id=acme.project_id) == {
            "type": "unsubscribed", "project_id": acme.project_id
        }  # fmt: skip
        # One change, two events: the room's (published first: no longer heard), the notice.
        await patch_task(stack.b, acme.admin, acme, assignee_id=acme.member.id)
        assert ids(await receive(ws), "room", "reason") == ("user", "assigned")


async def test_another_organisations_member_cannot_subscribe_and_learns_nothing(
    stack: Stack,
) -> None:
    acme, globex = await stack.org("acme"), await stack.org("globex")
    async with socket_of(stack.a, globex.member) as ws:
        answers = [
            await ask(ws, type="subscribe", org_id=org, project_id=project)
            for org, project in [
                (acme.id, acme.project_id),  # acme's own URL: not a member
                (globex.id, acme.project_id),  # through globex: not globex's project
                (globex.id, 2**62),  # a made-up project
                (2**62, 2**62),  # a made-up organisation
            ]
        ]
        assert {answer["detail"] for answer in answers} == {
            "No such project in an organisation of yours"
        }
        assert all(answer["type"] == "error" for answer in answers)

        await subscribe(ws, globex)
        await patch_task(stack.b, acme.admin, acme, title="Acme's secret plan")
        await patch_task(stack.b, globex.admin, globex, title="Ours")
        assert ids(await receive(ws), "org_id", "task_id") == (globex.id, globex.task_id)


async def test_a_removed_member_leaves_the_organisations_rooms(stack: Stack) -> None:
    acme, globex = await stack.org("acme"), await stack.org("globex")
    async with stack.engine.begin() as conn:  # the member of acme is in globex too
        await conn.execute(
            text("INSERT INTO memberships (org_id, user_id, role) VALUES (:o, :u, 'viewer')"),
            {"o": globex.id, "u": acme.member.id},
        )
    async with socket_of(stack.a, acme.member) as ws, api(stack.b, acme.admin) as http:
        await subscribe(ws, acme)
        await subscribe(ws, globex)
        removed = await http.delete(f"/orgs/{acme.id}/members/{acme.member.id}")
        assert removed.status_code == 204, removed.text
        assert ids(await receive(ws), "type", "room", "org_id") == (
            "member.removed",
            "user",
            acme.id,
        )

        await patch_task(stack.b, acme.admin, acme, title="After you left")
        await patch_task(stack.b, globex.admin, globex, title="Still yours")
        assert ids(await receive(ws), "org_id", "task_id") == (globex.id, globex.task_id)
        again = await ask(ws, type="subscribe", org_id=acme.id, project_id=acme.project_id)
        assert again["type"] == "error"


async def test_a_client_resumes_from_its_last_event(stack: Stack) -> None:
    acme = await stack.org("acme")
    async with socket_of(stack.b, acme.member) as ws:
        await subscribe(ws, acme)
        await patch_task(stack.a, acme.admin, acme, title="One")
        first = await receive(ws)
        await patch_task(stack.a, acme.admin, acme, assignee_id=acme.member.id)
        assert (await receive(ws))["room"] == "project"  # published first, so received first
        personal = await receive(ws)
    # Disconnected: two changes are missed.
    await patch_task(stack.b, acme.admin, acme, title="Two")
    comment_id = await comment(stack.b, acme.admin, acme, f"@{acme.member.email} see this")

    assert personal["reason"] == "assigned"
    async with socket_of(stack.a, acme.member, last_event_id=personal["id"]) as ws:
        assert ids(await receive(ws), "reason", "comment_id") == ("mentioned", comment_id)
        await subscribe(ws, acme, last_event_id=first["id"])
        missed = [await receive(ws) for _ in range(3)]
        assert [(e["type"], e["room"]) for e in missed] == [
            ("task.updated", "project"), ("task.updated", "project"),
            ("comment.created", "project"),
        ]  # fmt: skip

        answer = await ask(
            ws, type="subscribe", org_id=acme.id, project_id=acme.project_id, last_event_id="gone"
        )
        assert answer["type"] == "subscribed"
        assert await receive(ws) == {
            "type": "resync",
            "room": "project",
            "project_id": acme.project_id,
        }


@pytest.mark.parametrize(
    "first",
    [
        "not json",
        json.dumps({"type": "auth"}),
        json.dumps({"type": "auth", "token": "a.b.c"}),
        json.dumps({"type": "hello", "token": "x"}),
        json.dumps({"type": "auth", "token": "x" * 5000}),
        b'{"type": "auth"}',  # a binary frame
    ],
)
async def test_a_bad_first_message_is_closed_1008(stack: Stack, first: str | bytes) -> None:
    async with raw_socket(stack.a) as ws:
        await ws.send(first)
        assert await close_code(ws) == POLICY_VIOLATION


async def test_expired_and_unknown_tokens_are_closed_1008(stack: Stack) -> None:
    old = await stack.person("old", issued=now() - timedelta(hours=1))
    ghost = stack.tokens.access_token(2**62, now())  # a valid signature, no such user
    for token in (old.token, ghost):
        async with raw_socket(stack.b) as ws:
            await ws.send(json.dumps({"type": "auth", "token": token}))
            assert await close_code(ws) == POLICY_VIOLATION


async def test_pings_are_answered_and_other_messages_are_errors(stack: Stack) -> None:
    ann = await stack.person("ann")
    async with socket_of(stack.a, ann) as ws:
        assert await ask(ws, type="ping") == {"type": "pong"}
        assert await ask(ws, type="dance") == {
            "type": "error", "detail": "Not a message of this protocol"
        }  # fmt: skip
        await ws.send(b"binary")
        assert (await receive(ws))["type"] == "error"
        assert await ask(ws, type="ping") == {"type": "pong"}


@pytest.fixture
def impatient(stack: Stack) -> Iterator[str]:
    """A third server of the app, with short timeouts (the others' are patient)."""
    server = LiveServer(stack.make_app(auth=AUTH_TIMEOUT, idle=IDLE_TIMEOUT)).start(timeout=WAIT)
    try:
        yield server.url
    finally:
        server.stop()


async def test_silence_is_closed(stack: Stack, impatient: str) -> None:
    """Before authenticating: 1008 after the auth timeout; after: 1001 after the idle timeout.
    ``close_code`` waits at most ``WAIT`` seconds: a server that never closes fails."""
    ann = await stack.person("ann")
    async with raw_socket(impatient) as silent, socket_of(impatient, ann) as idle:
        codes = list(await asyncio.gather(close_code(silent), close_code(idle)))
    assert codes == [POLICY_VIOLATION, GOING_AWAY]


async def test_a_client_that_leaves_before_authenticating_is_no_error(stack: Stack) -> None:
    async with raw_socket(stack.a):
        pass
    ann = await stack.person("ann")
    async with socket_of(stack.a, ann) as ws:
        assert await ask(ws, type="ping") == {"type": "pong"}


def subscribers(url: str) -> int:
    with redis.Redis.from_url(url, socket_timeout=1) as client:
        return len(client.client_list(_type="pubsub"))


async def test_a_write_while_redis_is_stopped_succeeds_and_events_come_back(stack: Stack) -> None:
    """Last in the module: it stops the processes' Redis (which comes back empty)."""
    acme = await stack.org("acme")
    async with socket_of(stack.b, acme.member) as ws:
        await subscribe(ws, acme)
        stack.redis.stop()
        try:
            await patch_task(stack.a, acme.admin, acme, title="Written while Redis is down")
            async with api(stack.a, acme.admin) as http:
                read = await http.get(f"/orgs/{acme.id}/tasks/{acme.task_id}")
            assert read.json()["title"] == "Written while Redis is down"
        finally:
            stack.redis.start()
        deadline = time.monotonic() + WAIT
        while subscribers(stack.redis.url()) < 2:  # both processes subscribe again by themselves
            assert time.monotonic() < deadline, "the processes did not subscribe again"
            await asyncio.sleep(0.05)
        await patch_task(stack.a, acme.admin, acme, title="Redis is back")
        assert ids(await receive(ws), "type", "task_id") == ("task.updated", acme.task_id)

"""Task 13: notification e-mails through the outbox, delivered by a real Celery worker over real
SMTP: one e-mail per assignment, none for a rolled-back change, retries with backoff, a dead
letter for a poisoned message, and a worker SIGKILLed mid-task whose message is re-delivered and
sent once.

Everything here commits (a worker sees committed rows only), in the session's jobs database;
each test makes its own organisation and people, and reads only their e-mails.
"""

import asyncio
import inspect
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from testkit import impl_module
from testkit.http import ClientFactory

from .conftest import CRASH_QUEUE, JOBS_MAIL_ATTEMPTS, Jobs

pytestmark = pytest.mark.task(13)

events = impl_module("capstone", "events")
DELIVER = "capstone.deliver_outbox"


@dataclass(frozen=True)
class Team:
    org_id: int
    project_id: int
    admin: tuple[int, str]  # (id, e-mail)
    member: tuple[int, str]


async def team(engine: AsyncEngine) -> Team:
    tag = uuid.uuid4().hex[:10]
    async with engine.begin() as db:
        org = await db.scalar(text("INSERT INTO organisations (name, slug) VALUES (:n, :n) "
                                   "RETURNING id"), {"n": f"jobs-{tag}"})  # fmt: skip
        people = []
        for role in ("admin", "member"):
            email = f"{role}-{tag}@example.com"
            user = await db.scalar(text("INSERT INTO users (email, password_hash) VALUES (:e, 'x') "
                                        "RETURNING id"), {"e": email})  # fmt: skip
            await db.execute(text("INSERT INTO memberships (org_id, user_id, role) "
                                  "VALUES (:o, :u, :r)"), {"o": org, "u": user, "r": role})  # fmt: skip
            people.append((int(user), email))
        project = await db.scalar(text("INSERT INTO projects (org_id, name) VALUES (:o, 'P') "
                                       "RETURNING id"), {"o": org})  # fmt: skip
    return Team(int(org), int(project), people[0], people[1])


async def outbox_row(engine: AsyncEngine, org_id: int, recipient: str) -> int:
    """A committed outbox row, as ``write_outbox`` makes them."""
    async with engine.begin() as db:
        return int(await db.scalar(text(
            "INSERT INTO outbox_emails (org_id, message_id, recipient, subject, body, status, "
            "attempts) VALUES (:o, :m, :r, 'Hello', 'Hello.', 'pending', 0) RETURNING id"),
            {"o": org_id, "m": f"<test.{uuid.uuid4().hex}@projects.example>", "r": recipient}))  # fmt: skip


async def row(engine: AsyncEngine, row_id: int) -> dict[str, Any]:
    async with engine.connect() as db:
        found = await db.execute(text("SELECT * FROM outbox_emails WHERE id = :i"), {"i": row_id})
        return dict(found.mappings().one())


async def until(
    check: Callable[[], Any], what: str, jobs: Jobs | None = None, within: float = 15.0
) -> Any:
    """Poll ``check`` (sync or async) until it returns something true; return it. With ``jobs``,
    fail at once when a task of the test raised (its traceback is the message)."""
    try:
        async with asyncio.timeout(within):
            while True:
                result = check()
                if inspect.isawaitable(result):
                    result = await result
                if result:
                    return result
                if jobs is not None and (crash := jobs.crash()) is not None:
                    raise AssertionError(f"a task raised while waiting for {what}:\n{crash}")
                await asyncio.sleep(0.02)  # a poll interval, not a synchronisation
    except TimeoutError:
        raise AssertionError(f"not within {within:.0f} s: {what}") from None


def mails_to(jobs: Jobs, recipient: str) -> list[EmailMessage]:
    return [m for m in jobs.smtp.messages if m["To"] == recipient]


async def test_an_assignment_sends_one_email_with_the_rows_message_id(
    jobs: tuple[Jobs, AsyncEngine], settings: Any, asgi_client: ClientFactory
) -> None:
    world, engine = jobs
    t = await team(engine)
    app = impl_module("capstone", "main").create_app(database=world.url, settings=settings)
    token = app.state.tokens.access_token(t.admin[0], datetime.now(UTC))
    client = await asgi_client(app, base_url=f"http://testserver/api/v1/orgs/{t.org_id}",
                               headers={"Authorization": f"Bearer {token}"})  # fmt: skip

    created = await client.post("/tasks", json={"project_id": t.project_id, "title": "Ship it",
                                                "assignee_id": t.member[0]})  # fmt: skip
    assert created.status_code == 201, created.text

    [mail] = await until(lambda: mails_to(world, t.member[1]), "the assignee's e-mail", world)
    assert mail["Subject"] == "Assigned to you: Ship it"
    async with engine.connect() as db:
        stored = (await db.execute(text("SELECT message_id, status, attempts FROM outbox_emails "
                                        "WHERE recipient = :r"), {"r": t.member[1]})).one()  # fmt: skip
    assert mail["Message-ID"] == stored.message_id
    await until(lambda: row_status(engine, t.member[1], "sent"), "the row marked sent", world)
    assert mails_to(world, t.admin[1]) == []  # the actor is not told of their own change
    assert len(mails_to(world, t.member[1])) == 1


async def row_status(engine: AsyncEngine, recipient: str, status: str) -> bool:
    async with engine.connect() as db:
        found = await db.scalar(text("SELECT status FROM outbox_emails WHERE recipient = :r"),
                                {"r": recipient})  # fmt: skip
    return bool(found == status)


async def test_a_rolled_back_change_writes_no_row_and_sends_nothing(
    jobs: tuple[Jobs, AsyncEngine],
) -> None:
    world, engine = jobs
    t = await team(engine)
    listeners = events.Listeners()
    listeners.before_commit.append(impl_module("capstone", "jobs.outbox").write_outbox)
    change = events.Change(t.org_id, t.admin[0], "task.updated", "task", 1,
                           {"assignee_id": None}, {"assignee_id": t.member[0], "title": "T"})  # fmt: skip
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    async with sessions() as session:
        events.keep(session, change)
        await listeners.committing(session)
        await session.flush()  # the row exists, in the transaction
        assert await session.scalar(text("SELECT count(*) FROM outbox_emails WHERE recipient = "
                                         ":r"), {"r": t.member[1]}) == 1  # fmt: skip
        await session.rollback()

    task_id = world.publish(DELIVER)  # a delivery runs, and finds nothing of this change
    await until(
        lambda: f"{DELIVER}[{task_id}] succeeded" in world.worker.log(), "the delivery", world
    )
    assert not await row_status(engine, t.member[1], "pending")
    assert mails_to(world, t.member[1]) == []


async def test_a_failed_send_is_retried_with_backoff_then_sent(
    jobs: tuple[Jobs, AsyncEngine],
) -> None:
    world, engine = jobs
    t = await team(engine)
    row_id = await outbox_row(engine, t.org_id, t.member[1])
    # The relay fails the first send (451, temporary): counted in messages, not in time, so the
    # test never races the retry's backoff (stopping the server and starting it again did).
    world.smtp.refuse(1)
    world.publish(DELIVER)

    sent = await until(lambda: status_is(engine, row_id, "sent"), "the row sent", world)
    assert sent["attempts"] == 2  # refused once, then sent by a retry: not dead, not sent twice
    assert sent["last_error"] is None
    [mail] = mails_to(world, t.member[1])
    assert mail["Message-ID"] == sent["message_id"]


async def status_is(engine: AsyncEngine, row_id: int, status: str) -> dict[str, Any] | None:
    found = await row(engine, row_id)
    return found if found["status"] == status else None


async def test_a_poisoned_message_is_dead_lettered_after_its_attempts(
    jobs: tuple[Jobs, AsyncEngine],
) -> None:
    world, engine = jobs
    t = await team(engine)
    poison = f"a-{t.org_id}@example.com\r\nBcc: everyone@example.com"  # header injection
    row_id = await outbox_row(engine, t.org_id, poison)
    world.publish(DELIVER)

    dead = await until(lambda: status_is(engine, row_id, "dead"), "the dead letter", world)
    assert dead["attempts"] == JOBS_MAIL_ATTEMPTS
    assert dead["last_error"].startswith("ValueError")
    task_id = world.publish(DELIVER)  # a dead letter is never retried by the worker alone
    await until(
        lambda: f"{DELIVER}[{task_id}] succeeded" in world.worker.log(), "a delivery", world
    )
    assert (await row(engine, row_id))["attempts"] == JOBS_MAIL_ATTEMPTS


async def test_a_worker_killed_mid_task_is_redelivered_and_sends_once(
    jobs: tuple[Jobs, AsyncEngine],
) -> None:
    world, engine = jobs
    t = await team(engine)
    slow = world.slow.start()  # running (a test before may have killed it)
    row_id = await outbox_row(engine, t.org_id, t.member[1])
    task_id = world.publish(DELIVER, queue=CRASH_QUEUE)
    slow.wait_for_log(f"{DELIVER}[{task_id}] received")

    slow.kill()  # SIGKILL mid-task: the message stays unacknowledged
    assert mails_to(world, t.member[1]) == []
    slow.restart()  # restores the unacknowledged message after its visibility timeout

    await until(lambda: f"{DELIVER}[{task_id}] succeeded" in slow.log(), "the re-delivery", world)
    assert slow.log().count(f"{DELIVER}[{task_id}] received") == 2
    sent = await until(lambda: status_is(engine, row_id, "sent"), "the row sent", world)
    assert sent["attempts"] == 1
    assert len(mails_to(world, t.member[1])) == 1

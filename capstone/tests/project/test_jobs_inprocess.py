"""Task 13, in process: the jobs' functions on the test's rolled-back connection (the worker tests
prove them in a real worker; these show each branch, fast, and count for coverage)."""

import csv
import io
import json
import random
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.smtp import SmtpServer

from .conftest import Org

pytestmark = pytest.mark.task(13)

delivery = impl_module("capstone", "jobs.delivery")
retention = impl_module("capstone", "jobs.retention")
exports = impl_module("capstone", "exports.service")


def test_backoff_grows_is_capped_and_jittered() -> None:
    rng = random.Random(1)
    for attempt, ceiling in ((1, 30), (2, 60), (3, 120), (20, 3600)):
        delays = [delivery.backoff(attempt, 30, 3600, rng) for _ in range(50)]
        assert all(0 <= d <= ceiling for d in delays)
        assert len(set(delays)) == 50  # jittered: no two alike
        assert max(delays) > ceiling / 2  # and spread over the range


async def row(db: AsyncConnection, org: int, recipient: str) -> int:
    return int(await db.scalar(text(
        "INSERT INTO outbox_emails (org_id, message_id, recipient, subject, body, status, attempts)"
        " VALUES (:o, :m, :r, 'S', 'B', 'pending', 0) RETURNING id"),
        {"o": org, "m": f"<{uuid.uuid4().hex}@projects.example>", "r": recipient}))  # fmt: skip


async def state(db: AsyncConnection, row_id: int) -> Any:
    found = await db.execute(text("SELECT * FROM outbox_emails WHERE id = :i"), {"i": row_id})
    return found.mappings().one()


async def test_deliver_one_sends_retries_later_and_buries(
    db_connection: AsyncConnection,
    sessionmaker: async_sessionmaker[AsyncSession],
    acme: Org,
    smtp_server: SmtpServer,
) -> None:
    await db_connection.execute(text("UPDATE outbox_emails SET status = 'sent'"))  # others' rows
    settings = delivery.Delivery(smtp_port=smtp_server.port, max_attempts=2, backoff=0.0)
    sent = await row(db_connection, acme.id, "one@example.com")
    assert await delivery.deliver_due(sessionmaker, settings) == 1
    assert (await state(db_connection, sent))["status"] == "sent"
    [mail] = smtp_server.messages
    assert mail["Message-ID"] == (await state(db_connection, sent))["message_id"]
    assert await delivery.next_due(sessionmaker) is None

    poison = await row(db_connection, acme.id, "a@example.com\r\nBcc: b@example.com")
    assert await delivery.deliver_one(sessionmaker, settings)  # failed once: later (backoff 0)
    first = await state(db_connection, poison)
    assert (first["status"], first["attempts"]) == ("pending", 1)
    assert await delivery.next_due(sessionmaker) is not None
    assert await delivery.deliver_one(sessionmaker, settings)
    dead = await state(db_connection, poison)
    assert (dead["status"], dead["attempts"]) == ("dead", 2)
    assert dead["last_error"].startswith("ValueError")
    assert not await delivery.deliver_one(sessionmaker, settings)  # nothing due any more
    assert len(smtp_server.messages) == 1


async def test_the_purge_is_idempotent_and_audits_ids(
    db_connection: AsyncConnection, sessionmaker: async_sessionmaker[AsyncSession], acme: Org
) -> None:
    await db_connection.execute(text(
        "UPDATE tasks SET deleted_at = now() - interval '31 days' WHERE id = :t"),
        {"t": acme.task_id})  # fmt: skip
    async with sessionmaker() as session:
        first = await retention.purge_deleted(session, timedelta(days=30))
        second = await retention.purge_deleted(session, timedelta(days=30))
    assert acme.task_id in first["task"]
    assert second == {"task": [], "project": []}


async def test_build_renders_once_and_leaves_a_built_export_alone(
    db_connection: AsyncConnection, sessionmaker: async_sessionmaker[AsyncSession], acme: Org
) -> None:
    export = int(await db_connection.scalar(text(
        "INSERT INTO report_exports (org_id, format, status) VALUES (:o, 'json', 'pending') "
        "RETURNING id"), {"o": acme.id}))  # fmt: skip
    async with sessionmaker() as session:
        assert await exports.build(session, acme.id, export) == "done"
        assert await exports.build(session, acme.id, export) == "done"  # again: untouched
        assert await exports.build(session, acme.id + 10**9, export) == "missing"
        await session.commit()
    content = await db_connection.scalar(text("SELECT content FROM report_exports WHERE id = :e"),
                                         {"e": export})  # fmt: skip
    [task] = json.loads(content)
    assert task["title"] == "secret of acme"
    assert task["id"] == acme.task_id


def test_render_writes_csv_with_a_header() -> None:
    class T:
        id, project_id, title, status, assignee_id, due_date, created_at = (
            1, 2, 'Say "hi", then go', "todo", None, None, None)  # fmt: skip

    rows = list(csv.DictReader(io.StringIO(exports.render([T()], "csv"))))
    assert rows == [{"id": "1", "project_id": "2", "title": 'Say "hi", then go', "status": "todo",
                     "assignee_id": "", "due_date": "", "created_at": ""}]  # fmt: skip


async def test_a_failing_render_marks_the_export_failed(
    db_connection: AsyncConnection, sessionmaker: async_sessionmaker[AsyncSession], acme: Org
) -> None:
    export = int(await db_connection.scalar(text(
        "INSERT INTO report_exports (org_id, format, status) VALUES (:o, 'xml', 'pending') "
        "RETURNING id"), {"o": acme.id}))  # fmt: skip
    async with sessionmaker() as session:
        assert await exports.build(session, acme.id, export) == "failed"
        await session.commit()
    error = await db_connection.scalar(text("SELECT error FROM report_exports WHERE id = :e"),
                                       {"e": export})  # fmt: skip
    assert error.startswith("ValueError")

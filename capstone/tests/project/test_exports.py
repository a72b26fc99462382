"""Task 13: an admin exports the organisation's tasks: 202 with the status resource's Location,
a real Celery worker builds the file, the status links the download; a re-delivered build makes
no second file and changes nothing."""

import csv
import io
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit import impl_module
from testkit.http import ClientFactory

from .conftest import Jobs
from .test_outbox import team, until

pytestmark = pytest.mark.task(13)

BUILD = "capstone.build_export"


async def test_an_export_is_accepted_built_by_a_worker_once_and_downloaded(
    jobs: tuple[Jobs, AsyncEngine], settings: Any, asgi_client: ClientFactory
) -> None:
    world, engine = jobs
    t = await team(engine)
    async with engine.begin() as db:
        for title, deleted in (("Write the spec", False), ("Gone", True), ("Ship, it", False)):
            await db.execute(text(
                "INSERT INTO tasks (org_id, project_id, title, deleted_at) VALUES (:o, :p, :t, "
                "CASE WHEN :d THEN now() END)"),
                {"o": t.org_id, "p": t.project_id, "t": title, "d": deleted})  # fmt: skip
    app = impl_module("capstone", "main").create_app(database=world.url, settings=settings)
    token = app.state.tokens.access_token(t.admin[0], datetime.now(UTC))
    client = await asgi_client(app, base_url="http://testserver",
                               headers={"Authorization": f"Bearer {token}"})  # fmt: skip

    started = await client.post(f"/api/v1/orgs/{t.org_id}/exports", json={"format": "csv"})
    assert started.status_code == 202, started.text
    location = started.headers["Location"]
    assert location == f"/api/v1/orgs/{t.org_id}/exports/{started.json()['id']}"
    assert started.json()["download"] is None

    async def done() -> dict[str, Any] | None:
        body: dict[str, Any] = (await client.get(location)).json()
        return body if body["status"] == "done" else None

    export = await until(done, "the export built", world)
    downloaded = await client.get(export["download"])
    assert downloaded.status_code == 200
    assert downloaded.headers["content-type"].startswith("text/csv")
    assert "attachment" in downloaded.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(downloaded.text)))
    assert [row["title"] for row in rows] == ["Write the spec", "Ship, it"]  # live tasks only

    # The same job again (a re-delivery): nothing new, nothing changed.
    task_id = str(world.producer.send_task(BUILD, kwargs={"org_id": t.org_id,
                                                          "export_id": export["id"]}).id)  # fmt: skip
    await until(lambda: f"{BUILD}[{task_id}] succeeded" in world.worker.log(), "the re-run", world)
    assert f"{BUILD}[{task_id}] succeeded in" in world.worker.log()
    assert (await client.get(location)).json() == export
    async with engine.connect() as db:
        count = await db.scalar(text("SELECT count(*) FROM report_exports WHERE org_id = :o"),
                                {"o": t.org_id})  # fmt: skip
    assert count == 1


async def test_a_pending_export_cannot_be_downloaded_yet(admin: Any, acme: Any) -> None:
    started = await admin.post(f"/orgs/{acme.id}/exports", json={"format": "json"})
    assert started.status_code == 202
    # The shared app's transaction is never committed for a worker to see: still pending.
    pending = await admin.get(f"{started.headers['Location'].removeprefix('/api/v1')}/download")
    assert pending.status_code == 409
    assert pending.headers["content-type"] == "application/problem+json"
    assert (await admin.post(f"/orgs/{acme.id}/exports", json={"format": "xml"})).status_code == 422

"""Inherited guard (0 points) under task 6: week 12's report job also announces, over the
socket, that the export is ready; the export itself must not change.

Week 11's tests of the report export: asked for through the API (202, queued), built by the
worker (running, done), downloaded as CSV or JSON, announced by e-mail; a failure is reported."""

import asyncio
import csv
import io
import json
import time
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module

from ..pipeline import World, wait_for_mail
from .test_notifications import relay

pytestmark = [pytest.mark.task(6), pytest.mark.points(0)]  # inherited: a guard, no points

jobs = impl_module("week12", "pipeline.jobs")


async def wait_for_status(client: httpx.AsyncClient, url: str, status: str) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while (report := (await client.get(url)).json())["status"] != status:
        assert time.monotonic() < deadline, f"report still {report['status']}, not {status}"
        await asyncio.sleep(0.05)
    return dict(report)


@pytest.mark.parametrize("format", ["csv", "json"])
async def test_a_report_is_queued_built_downloaded_and_announced(
    world: World,
    world_client: httpx.AsyncClient,
    world_sessions: async_sessionmaker[AsyncSession],
    format: str,
) -> None:
    title = f"Export {uuid.uuid4().hex[:8]}"
    assert (await world_client.post("/tasks", json={"title": title})).status_code == 201

    asked = await world_client.post("/reports", json={"format": format})

    assert asked.status_code == 202
    assert asked.json()["status"] == "queued"
    url = asked.headers["Location"]
    assert (await world_client.get(f"{url}/download")).status_code == 409  # not done yet
    await relay(world, world_sessions)
    await wait_for_status(world_client, url, "done")
    download = await world_client.get(f"{url}/download")
    assert download.status_code == 200
    if format == "csv":
        assert download.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(download.text)))
    else:
        rows = json.loads(download.text)
    assert [row["title"] for row in rows] == [title]
    await relay(world, world_sessions)  # the "report ready" e-mail went through the outbox
    mail = wait_for_mail(world, f"Your export #{asked.json()['id']} is ready")
    assert f"{url.split('/api/v1')[1]}/download" in mail.get_content()


async def test_another_users_report_does_not_exist(
    client: httpx.AsyncClient, app: Any, asgi_client: Any, bob: Any
) -> None:
    asked = await client.post("/reports", json={})
    other = await asgi_client(app, base_url="http://testserver/api/v1")
    other.headers["Authorization"] = f"Bearer {bob.access_token}"

    assert (await other.get(asked.headers["Location"])).status_code == 404
    assert (await other.get(f"{asked.headers['Location']}/download")).status_code == 404


@pytest.mark.parametrize("body", [{"format": "xml"}, {"format": "csv", "extra": 1}])
async def test_a_bad_request_is_a_422(client: httpx.AsyncClient, body: dict[str, Any]) -> None:
    assert (await client.post("/reports", json=body)).status_code == 422


async def test_a_report_that_cannot_be_built_is_failed(
    world_sessions: async_sessionmaker[AsyncSession], member_id: int
) -> None:
    insert = text(
        "INSERT INTO report_exports (owner_id, format, status) "
        "VALUES (:owner, 'xml', 'queued') RETURNING id"
    )
    async with world_sessions() as session, session.begin():
        report = int((await session.execute(insert, {"owner": member_id})).scalar_one())

    with pytest.raises(ValueError, match="xml"):
        await jobs.build_report(world_sessions, report)

    async with world_sessions() as session:
        failed = (await session.execute(
            text("SELECT status, error FROM report_exports WHERE id = :id"), {"id": report}
        )).one()  # fmt: skip
    assert tuple(failed) == ("failed", "ValueError: unknown report format 'xml'")
    assert await jobs.build_report(world_sessions, report) == "nothing to do"  # re-delivered

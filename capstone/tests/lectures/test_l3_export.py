"""Lecture 3: an export runs after its 202, streams every row of the tenant, and its CSV is safe
to open in a spreadsheet."""

from __future__ import annotations

import asyncio
import csv
import io
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from capstone.lectures.l3_dashboard import WorkTask
from capstone.lectures.l3_export import BATCH, Format, Job, create_app, write_export
from httpx import AsyncClient
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit.http import ClientFactory

ORG = 41
ROWS = BATCH * 2 + 7  # more than one batch of the server-side cursor


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    tasks = [{"org_id": ORG, "project": "P", "title": f"task {n}"} for n in range(ROWS - 1)]
    tasks.append({"org_id": ORG, "project": "P", "title": '=HYPERLINK("http://evil")'})
    tasks.append({"org_id": ORG + 1, "project": "Q", "title": "someone else's"})
    async with engine.begin() as conn:
        await conn.execute(insert(WorkTask), tasks)
    yield engine
    async with engine.begin() as conn:
        await conn.execute(delete(WorkTask).where(WorkTask.org_id.in_([ORG, ORG + 1])))


@pytest_asyncio.fixture(loop_scope="session")
async def client(seeded: AsyncEngine, asgi_client: ClientFactory, tmp_path: Path) -> AsyncClient:
    return await asgi_client(create_app(seeded, tmp_path))


async def finished(client: AsyncClient, status_url: str) -> str:
    """Poll the job until it ends (a deadline, never a sleep of a guessed length)."""
    deadline = time.monotonic() + 10
    while (status := (await client.get(status_url)).json()["status"]) in {"pending", "running"}:
        assert time.monotonic() < deadline, f"export still {status} after 10 s"
        await asyncio.sleep(0.01)
    return str(status)


async def test_a_csv_export_holds_every_row_of_the_tenant(client: AsyncClient) -> None:
    started = await client.post(f"/orgs/{ORG}/exports", params={"format": "csv"})
    assert started.status_code == 202
    assert await finished(client, started.json()["status_url"]) == "done"
    download = await client.get(started.json()["status_url"] + "/download")
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert len(rows) == ROWS
    assert "someone else's" not in download.text
    assert rows[-1]["title"] == '\'=HYPERLINK("http://evil")'  # a formula no more


async def test_a_json_export_is_one_valid_array(client: AsyncClient) -> None:
    started = await client.post(f"/orgs/{ORG}/exports", params={"format": "json"})
    await finished(client, started.json()["status_url"])
    items = (await client.get(started.json()["status_url"] + "/download")).json()
    assert len(items) == ROWS
    assert items[0] == {
        "id": items[0]["id"],
        "project": "P",
        "title": "task 0",
        "due_on": None,
        "closed_at": None,
    }


async def test_other_tenants_and_unknown_formats_get_nothing(client: AsyncClient) -> None:
    started = await client.post(f"/orgs/{ORG}/exports")
    job_url = started.json()["status_url"]
    assert (
        await client.get(job_url.replace(f"/orgs/{ORG}/", f"/orgs/{ORG + 1}/"))
    ).status_code == 404
    assert (await client.post(f"/orgs/{ORG}/exports", params={"format": "xlsx"})).status_code == 422


async def test_a_failed_export_says_so_and_logs_why(
    seeded: AsyncEngine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = Job(ORG, Format.CSV, tmp_path / "missing-dir" / "out.csv")
    await write_export(seeded, job)
    assert job.status == "failed"
    assert f"export of org {ORG} to {job.path} failed" in caplog.messages
    assert caplog.records[-1].exc_info is not None
    assert not job.path.exists()


async def test_downloading_before_the_end_is_a_conflict(
    seeded: AsyncEngine, asgi_client: ClientFactory, tmp_path: Path
) -> None:
    app = create_app(seeded, tmp_path / "nowhere")  # the job will fail: the directory is missing
    client = await asgi_client(app)
    started = await client.post(f"/orgs/{ORG}/exports")
    assert await finished(client, started.json()["status_url"]) == "failed"
    response = await client.get(started.json()["status_url"] + "/download")
    assert response.status_code == 409
    assert response.json() == {"detail": "the export is failed"}

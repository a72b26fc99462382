"""Export as a background task, streamed to CSV or JSON (lecture 3).

An export of 100,000 tasks must not hold a request open for a minute nor 100,000 rows in memory:

- ``POST /orgs/{org_id}/exports?format=csv`` answers ``202 Accepted`` at once with the job's URL;
  the work runs after the response (``BackgroundTasks`` here; the project hands it to Celery so a
  restart does not lose it, week 11);
- ``write_export`` streams rows from a server-side cursor (``stream_scalars`` with ``yield_per``)
  into the file a batch at a time: memory stays flat whatever the size;
- the client polls the job and downloads the file when it is ``done``.

CSV files are opened by spreadsheets, which run a cell starting with ``=``, ``+``, ``-`` or ``@``
as a formula ("CSV injection"): such cells are written with a leading ``'``.
"""

from __future__ import annotations

import csv
import json
import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import BackgroundTasks, FastAPI, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from capstone.lectures.l3_dashboard import WorkTask

log = logging.getLogger("capstone.export")

FIELDS = ("id", "project", "title", "due_on", "closed_at")
BATCH = 500
OrgId = Annotated[int, PathParam(ge=1, le=2**63 - 1)]


class Format(StrEnum):
    CSV = "csv"
    JSON = "json"


@dataclass
class Job:
    org_id: int
    format: Format
    path: Path
    status: str = "pending"


def spreadsheet_safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def as_json(value: object) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


async def write_export(engine: AsyncEngine, job: Job) -> None:
    """Stream the tenant's tasks into ``job.path``: one batch in memory at a time."""
    job.status = "running"
    query = select(WorkTask).where(WorkTask.org_id == job.org_id).order_by(WorkTask.id)
    try:
        async with AsyncSession(engine) as session:
            rows = await session.stream_scalars(query.execution_options(yield_per=BATCH))
            with job.path.open("w", newline="", encoding="utf-8") as out:
                if job.format is Format.CSV:
                    writer = csv.writer(out)
                    writer.writerow(FIELDS)
                    async for task in rows:
                        writer.writerow([spreadsheet_safe(getattr(task, f)) for f in FIELDS])
                else:  # a JSON array written element by element, never built in memory
                    out.write("[")
                    separator = ""
                    async for task in rows:
                        item = {f: as_json(getattr(task, f)) for f in FIELDS}
                        out.write(separator + json.dumps(item))
                        separator = ",\n"
                    out.write("]\n")
    except Exception:  # nobody awaits a background task: record the failure, log the cause
        job.status = "failed"
        job.path.unlink(missing_ok=True)
        log.exception("export of org %d to %s failed", job.org_id, job.path)
        return
    job.status = "done"


def create_app(engine: AsyncEngine, directory: Path) -> FastAPI:
    app = FastAPI()
    jobs: dict[str, Job] = {}  # the project keeps jobs in a table

    def find(org_id: int, job_id: str) -> Job:
        job = jobs.get(job_id)
        if job is None or job.org_id != org_id:
            raise HTTPException(404, "no such export")
        return job

    @app.post("/orgs/{org_id}/exports", status_code=202)
    async def start(
        org_id: OrgId, background: BackgroundTasks, format: Annotated[Format, Query()] = Format.CSV
    ) -> dict[str, str]:
        job_id = uuid.uuid4().hex
        jobs[job_id] = job = Job(org_id, format, directory / f"{job_id}.{format.value}")
        background.add_task(write_export, engine, job)
        return {"id": job_id, "status_url": f"/orgs/{org_id}/exports/{job_id}"}

    @app.get("/orgs/{org_id}/exports/{job_id}")
    async def status(org_id: OrgId, job_id: str) -> dict[str, str]:
        return {"status": find(org_id, job_id).status}

    @app.get("/orgs/{org_id}/exports/{job_id}/download")
    async def download(org_id: OrgId, job_id: str) -> FileResponse:
        job = find(org_id, job_id)
        if job.status != "done":
            raise HTTPException(409, f"the export is {job.status}")
        media = "text/csv" if job.format is Format.CSV else "application/json"
        return FileResponse(job.path, media_type=media, filename=f"tasks.{job.format.value}")

    return app

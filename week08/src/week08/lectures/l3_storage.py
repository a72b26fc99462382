"""L3: storing external data: idempotent upserts, sync state, conditional requests, refreshes.

- **Idempotent upserts.** A sync may run twice, stop half-way, or see a record twice. Key rows by
  the upstream's id (a UNIQUE constraint on the *natural key*) and write with
  ``INSERT ... ON CONFLICT (key) DO UPDATE SET ... WHERE <something changed>``: a rerun changes
  nothing. ``RETURNING (xmax = 0)`` tells inserted rows (true) from updated ones; rows the WHERE
  skipped are not returned at all: unchanged.
- **Sync state per source.** Store where the last sync ended (a cursor: the newest ``updated_at``
  seen, for ``?since=``) and the response's ``ETag``, in the same transaction as the rows, so
  the cursor never runs ahead of the data.
- **Conditional requests.** Send the stored ETag as ``If-None-Match``; an unchanged resource
  answers ``304 Not Modified`` with no body: no download, no parsing, no writes (and on GitHub,
  no rate-limit cost).
- **Background refresh.** FastAPI's ``BackgroundTasks`` runs a function after the response has
  been sent, in the same process. That is all it is: no queue, no retries, no record; if the
  process stops, the work is lost, and a failure is only a log line. Fine for "refresh now";
  use a job queue (Celery, week 11) for work that must happen.

Run: ``uv run python -m week08.lectures.l3_storage`` (a throwaway PostgreSQL unless DATABASE_URL)
"""

import asyncio
import hashlib
import json
import threading
import time
from typing import Any

import httpx
from fastapi import BackgroundTasks, FastAPI
from sqlalchemy import Integer, String, Text, literal_column, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from testkit.http import LiveServer
from week08.lectures.demo_db import demo_database, scratch_engine
from week08.lectures.servers import serve


class Base(DeclarativeBase):
    pass


class Repo(Base):
    __tablename__ = "repos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[int] = mapped_column(unique=True)  # the upstream's id: the natural key
    name: Mapped[str] = mapped_column(String(200))
    stars: Mapped[int]


class SyncState(Base):
    __tablename__ = "sync_state"

    source: Mapped[str] = mapped_column(String(50), primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)


async def upsert(engine: AsyncEngine, records: list[dict[str, Any]]) -> dict[str, int]:
    """Insert new, update changed, skip unchanged; count each."""
    stmt = insert(Repo).values(
        [{"external_id": r["id"], "name": r["name"], "stars": r["stars"]} for r in records]
    )
    new = stmt.excluded
    upsert_stmt: Any = stmt.on_conflict_do_update(
        index_elements=[Repo.external_id],
        set_={"name": new.name, "stars": new.stars},
        where=tuple_(Repo.name, Repo.stars).is_distinct_from(tuple_(new.name, new.stars)),
    ).returning(literal_column("xmax = 0"))
    async with engine.begin() as conn:
        inserted = [bool(flag) for flag in (await conn.execute(upsert_stmt)).scalars()]
    return {"inserted": sum(inserted), "updated": len(inserted) - sum(inserted),
            "unchanged": len(records) - len(inserted)}  # fmt: skip


REPOS = [{"id": 1, "name": "rocket", "stars": 42}, {"id": 2, "name": "engine", "stars": 7}]


async def repos_endpoint(request: Request) -> Response:
    """Like GitHub: an ETag on every list, 304 when the client's copy is current."""
    body = json.dumps(REPOS).encode()
    etag = f'W/"{hashlib.sha256(body).hexdigest()[:16]}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


async def conditional_sync(engine: AsyncEngine, client: httpx.AsyncClient) -> str:
    """Fetch with the stored ETag; on 200 store rows and the new ETag in one transaction."""
    async with engine.connect() as conn:
        etag = await conn.scalar(select(SyncState.etag).where(SyncState.source == "repos"))
    response = await client.get("/repos", headers={"If-None-Match": etag} if etag else {})
    if response.status_code == 304:
        return "304: nothing to do"
    counts = await upsert(engine, response.json())
    async with engine.begin() as conn:
        state = insert(SyncState).values(source="repos", etag=response.headers["etag"])
        new = state.excluded
        await conn.execute(
            state.on_conflict_do_update(index_elements=["source"], set_={"etag": new.etag})
        )
    return f"200: {counts}"


def refresh_app(events: list[str], release: threading.Event) -> FastAPI:
    app = FastAPI()

    async def refresh_job() -> None:
        await asyncio.to_thread(release.wait, 5)  # held until the demo has its response
        events.append("task ran")

    @app.post("/refresh", status_code=202)
    async def refresh(background: BackgroundTasks) -> dict[str, str]:
        background.add_task(refresh_job)
        events.append("responding")
        return {"status": "accepted"}

    return app


async def background_order() -> list[str]:
    """The 202 arrives while the task still waits; the task runs after it (a real server: the
    in-process test client would wait for the task before returning the response)."""
    events: list[str] = []
    release = threading.Event()
    server = LiveServer(refresh_app(events, release)).start()
    try:
        async with httpx.AsyncClient(base_url=server.url) as client:
            response = await client.post("/refresh")
        events.append(f"client got {response.status_code}")
        release.set()
        deadline = time.monotonic() + 5
        while "task ran" not in events and time.monotonic() < deadline:  # noqa: ASYNC110 - poll
            await asyncio.sleep(0.01)
    finally:
        server.stop()
    return events


async def demo(url: str) -> dict[str, object]:
    async with scratch_engine(url) as engine:
        async with engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        first = await upsert(engine, REPOS)
        again = await upsert(engine, REPOS)
        changed = await upsert(engine, [{**REPOS[0], "stars": 43}, REPOS[1]])
        with serve([Route("/repos", repos_endpoint)]) as server:
            async with httpx.AsyncClient(base_url=server.url) as client:
                syncs = [await conditional_sync(engine, client) for _ in range(2)]
                REPOS.append({"id": 3, "name": "hangar", "stars": 1})
                syncs.append(await conditional_sync(engine, client))
                REPOS.pop()
    return {"first": first, "again": again, "one changed": changed, "conditional syncs": syncs,
            "background task": await background_order()}  # fmt: skip


def main() -> None:
    with demo_database() as url:
        for key, value in asyncio.run(demo(url)).items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()

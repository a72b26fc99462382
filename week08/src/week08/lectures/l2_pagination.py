"""L2: consuming paginated APIs as async iterators.

An API never returns a million records at once; it returns pages, in one of two styles:

- **offset** (``?offset=40&limit=20``, or GitHub's ``?page=3&per_page=20``): simple, and the server
  can jump to page 9. But the window moves with the data: a record inserted at the top while you
  walk pushes everything down one place, and page 2 repeats the last record of page 1 (a deletion
  skips one instead). Store idempotently (upserts by key) and the repeat does no harm.
- **cursor** (``?starting_after=evt_42``, or a ``next`` link holding an opaque cursor): "the records
  after this one". Stable while data changes; no jumping to page 9.

Either way, hide the walking in an **async generator**: the caller writes ``async for repo in
repos(client)`` and never sees a page. It also stops early for free: ``break`` and no more pages
are requested. GitHub puts the next page's URL in the ``Link`` header: follow it, never build it.

Run: ``uv run python -m week08.lectures.l2_pagination``
"""

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from week08.lectures.servers import serve

RECORDS: list[dict[str, Any]] = [{"id": n, "name": f"record {n}"} for n in range(1, 8)]
NEXT_LINK = re.compile(r'<([^>]+)>;\s*rel="next"')


async def offset_page(request: Request) -> JSONResponse:
    offset = int(request.query_params.get("offset", "0"))
    limit = int(request.query_params.get("limit", "3"))
    return JSONResponse({"data": RECORDS[offset : offset + limit], "total": len(RECORDS)})


async def cursor_page(request: Request) -> JSONResponse:
    after = int(request.query_params.get("after", "0"))
    limit = int(request.query_params.get("limit", "3"))
    page = [r for r in RECORDS if r["id"] > after][:limit]
    has_more = bool(page) and page[-1]["id"] < RECORDS[-1]["id"]
    return JSONResponse({"data": page, "has_more": has_more})


async def link_page(request: Request) -> JSONResponse:
    page = int(request.query_params.get("page", "1"))
    chunk = RECORDS[(page - 1) * 3 : page * 3]
    headers = {}
    if page * 3 < len(RECORDS):
        headers["Link"] = f'<{request.url.include_query_params(page=page + 1)}>; rel="next"'
    return JSONResponse(chunk, headers=headers)


ROUTES = [Route("/offset", offset_page), Route("/cursor", cursor_page), Route("/linked", link_page)]


async def by_offset(client: httpx.AsyncClient, limit: int = 3) -> AsyncIterator[dict[str, Any]]:
    offset = 0
    while True:
        body = (await client.get("/offset", params={"offset": offset, "limit": limit})).json()
        for record in body["data"]:
            yield record
        offset += limit
        if offset >= body["total"] or not body["data"]:
            return


async def by_cursor(client: httpx.AsyncClient, limit: int = 3) -> AsyncIterator[dict[str, Any]]:
    after = 0
    while True:
        body = (await client.get("/cursor", params={"after": after, "limit": limit})).json()
        for record in body["data"]:
            yield record
        if not body["has_more"]:
            return
        after = body["data"][-1]["id"]


async def by_link(client: httpx.AsyncClient) -> AsyncIterator[dict[str, Any]]:
    url: str | None = "/linked"
    while url:
        response = await client.get(url)
        for record in response.json():
            yield record
        match = NEXT_LINK.search(response.headers.get("link", ""))
        url = match[1] if match else None


async def walk_while_inserting(client: httpx.AsyncClient) -> list[int]:
    """Offset paging while a record is inserted at the top after page 1: one id comes twice."""
    seen = []
    async for record in by_offset(client):
        seen.append(record["id"])
        if len(seen) == 3:
            RECORDS.insert(0, {"id": 0, "name": "new on top"})
    RECORDS.pop(0)
    return seen


async def demo() -> dict[str, object]:
    with serve(ROUTES) as server:
        async with httpx.AsyncClient(base_url=server.url) as client:
            result: dict[str, object] = {
                "offset": [r["id"] async for r in by_offset(client)],
                "cursor": [r["id"] async for r in by_cursor(client)],
                "link header": [r["id"] async for r in by_link(client)],
            }
            server.requests.clear()
            async for record in by_cursor(client):
                if record["id"] == 2:
                    break  # stop early: page 2 is never requested
            result["requests for the first 2 records"] = len(server.requests)
            result["offset walk while a record is inserted"] = await walk_while_inserting(client)
    return result


def main() -> None:
    for key, value in asyncio.run(demo()).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()

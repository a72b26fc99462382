"""L1: httpx, one library for sync and async HTTP.

- ``httpx.Client`` (sync) and ``httpx.AsyncClient`` (async) have the same API: ``get``, ``post``,
  ``params=``, ``json=``, ``headers=``, ``base_url=``. Use a client (``with``/``async with``), not
  the module-level ``httpx.get``: a client reuses connections and closes them when done.
- A response is data: ``status_code``, ``headers``, ``json()``. httpx never raises for a 404 or a
  500 by itself: ``raise_for_status()`` does, or you branch on the status on purpose.
- ``response.json()`` raises ``ValueError`` (``json.JSONDecodeError``) on a body that is not JSON:
  an HTML error page from a proxy is a normal day on the internet.
- ``httpx.MockTransport`` answers requests with a function, without a network: the tool for unit
  tests of code that calls an API (the project's tests use real servers instead).

Run: ``uv run python -m week08.lectures.l1_http_clients``
"""

import asyncio
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from week08.lectures.servers import serve

REPOS = {"rocket": {"name": "rocket", "stars": 42}}


async def get_repo(request: Request) -> JSONResponse:
    name = request.path_params["name"]
    if name not in REPOS:
        return JSONResponse({"message": "Not Found"}, status_code=404)
    return JSONResponse(REPOS[name])


async def create_issue(request: Request) -> JSONResponse:
    body = await request.json()
    return JSONResponse({"number": 1, "title": body["title"]}, status_code=201)


ROUTES = [Route("/repos/{name}", get_repo), Route("/issues", create_issue, methods=["POST"])]


def stars_sync(base_url: str, name: str) -> int | None:
    """The sync client: stars of a repository, None if there is no such repository."""
    with httpx.Client(base_url=base_url, timeout=5.0) as client:
        response = client.get(f"/repos/{name}")
        if response.status_code == 404:
            return None  # an expected answer, handled on purpose
        response.raise_for_status()  # anything else that is not 2xx is an error
        stars: int = response.json()["stars"]
        return stars


async def stars_async(client: httpx.AsyncClient, name: str) -> int | None:
    """The same with the async client: identical calls, awaited."""
    response = await client.get(f"/repos/{name}")
    if response.status_code == 404:
        return None
    response.raise_for_status()
    stars: int = response.json()["stars"]
    return stars


async def open_issue(client: httpx.AsyncClient, title: str) -> dict[str, Any]:
    """POST a JSON body (``json=`` serialises it and sets Content-Type); 201 is the success."""
    response = await client.post("/issues", json={"title": title})
    response.raise_for_status()
    created: dict[str, Any] = response.json()
    return created


def classify(response: httpx.Response) -> str:
    """What a caller should do with a response, by status class."""
    if response.is_success:
        return "use it"
    if response.status_code == 429 or response.is_server_error:
        return "retry later"
    if response.is_client_error:
        return "fix the request"
    return "follow or ignore"  # 1xx, 3xx


def mocked_client() -> httpx.AsyncClient:
    """A client whose transport is a function: no server, no network."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/repos/rocket":
            return httpx.Response(200, json={"name": "rocket", "stars": 7})
        return httpx.Response(404, json={"message": "Not Found"})

    return httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="https://api.test")


async def demo() -> dict[str, Any]:
    with serve(ROUTES) as server:
        found = await asyncio.to_thread(stars_sync, server.url, "rocket")
        async with httpx.AsyncClient(base_url=server.url, timeout=5.0) as client:
            missing = await stars_async(client, "nope")
            issue = await open_issue(client, "Launch fails")
            statuses = {code: classify(httpx.Response(code)) for code in (200, 404, 429, 503)}
    async with mocked_client() as client:
        mocked = await stars_async(client, "rocket")
    return {"sync": found, "async missing": missing, "created": issue, "statuses": statuses,
            "mocked": mocked}  # fmt: skip


def main() -> None:
    for key, value in asyncio.run(demo()).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()

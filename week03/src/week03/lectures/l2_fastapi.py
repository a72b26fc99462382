"""Lecture 2: FastAPI fundamentals, starting below FastAPI.

An ASGI app is one async function ``app(scope, receive, send)``: uvicorn parses HTTP, fills
``scope`` (method, path, headers), and ``send`` writes the response. ``hello_asgi`` is such an app
written by hand. FastAPI builds the same kind of callable from decorated functions, and reads their
type hints to parse, validate and document every parameter.

Run it: ``uv run uvicorn --factory week03.lectures.l2_fastapi:make_app`` and open /docs or /redoc.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import httpx
from fastapi import FastAPI, Path, Query
from pydantic import BaseModel, Field
from starlette.types import Receive, Scope, Send


async def hello_asgi(scope: Scope, receive: Receive, send: Send) -> None:
    """The whole ASGI contract: read ``scope``, send a start message and a body message."""
    if scope["type"] == "lifespan":  # uvicorn also sends start-up and shutdown events
        await receive()  # lifespan.startup
        await send({"type": "lifespan.startup.complete"})
        await receive()  # lifespan.shutdown
        await send({"type": "lifespan.shutdown.complete"})
        return
    body = f"hello from {scope['method']} {scope['path']}".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain")],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Item(BaseModel):
    """A JSON request body: FastAPI reads it because the parameter's type is a BaseModel."""

    name: str = Field(min_length=1)
    price: float = Field(gt=0)
    tags: list[str] = []


class StoredItem(Item):
    id: int


def make_app() -> FastAPI:
    app = FastAPI(title="Lecture 2", summary="Path operations, parameters and bodies")
    items: dict[int, StoredItem] = {}

    # Path operation = path + HTTP method + function.
    @app.get("/")
    async def root() -> dict[str, str]:
        return {"message": "hello"}

    # Path parameter: `{item_id}` in the path, `int` in the signature -> "7" becomes 7, "x" a 422.
    @app.get("/items/{item_id}")
    async def get_item(item_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
        return {"item_id": item_id, "type": type(item_id).__name__, "found": item_id in items}

    # Query parameters: every parameter that is not in the path (and not a model) is one.
    @app.get("/search")
    async def search(
        q: str,  # required: no default
        limit: int = 10,  # optional with a default, coerced from the string "5"
        category: str | None = None,  # optional, None when absent
        tag: Annotated[list[str], Query()] = [],  # repeated: ?tag=a&tag=b  # noqa: B006
    ) -> dict[str, Any]:
        return {"q": q, "limit": limit, "category": category, "tag": tag}

    # Request body: a BaseModel parameter is read from the JSON body and validated.
    @app.post("/items", status_code=201)
    async def create_item(item: Item) -> StoredItem:
        stored = StoredItem(id=len(items) + 1, **item.model_dump())
        items[stored.id] = stored
        return stored

    return app


async def demo() -> list[str]:
    lines = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=hello_asgi), base_url="http://demo"
    ) as client:
        lines.append((await client.get("/anything")).text)
    app = make_app()
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://demo"
    ) as client:
        for url in ["/items/7", "/items/seven", "/search?q=pen&limit=5&tag=a&tag=b", "/search"]:
            response = await client.get(url)
            lines.append(f"GET {url} -> {response.status_code} {response.text}")
        response = await client.post("/items", json={"name": "pen", "price": 1.5})
        lines.append(f"POST /items -> {response.status_code} {response.text}")
    paths = app.openapi()["paths"]
    lines.append(f"OpenAPI documents: {', '.join(paths)}")
    return lines


def main() -> None:
    for line in asyncio.run(demo()):
        print(line)


if __name__ == "__main__":
    main()

"""Lecture 4: errors and dependencies.

- ``HTTPException`` ends a request with a status code and a detail, from anywhere in a handler.
- ``@app.exception_handler(SomeError)`` turns your own exceptions into responses, so services raise
  domain errors (``OutOfStock``) and never import FastAPI. The project goes one step further: one
  RFC 9457 body for every error (see ``week03/solution/problems.py``).
- ``Depends(f)``: FastAPI calls ``f`` (resolving *its* dependencies first) and passes the result.
  A ``yield`` dependency runs its code after ``yield`` once the response is done: teardown.
  Within one request each dependency runs once and its result is shared (``use_cache=False`` opts
  out). Logging with structlog: ``week03/solution/request_logging.py``.

No ``from __future__ import annotations`` here: FastAPI reads annotations at run time, and string
annotations naming aliases local to ``make_app`` (``SessionDep``) could not be resolved.
"""

import asyncio
from collections.abc import AsyncIterator
from itertools import count
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

STOCK = {"pen": 2, "ink": 0}


class OutOfStockError(Exception):
    """A domain error: it knows nothing about HTTP."""

    def __init__(self, item: str) -> None:
        super().__init__(f"{item} is out of stock")
        self.item = item


class Audit:
    """Records what the dependencies did, so tests and the demo can see the order of events."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.ids = count(1)


def make_app(audit: Audit | None = None) -> FastAPI:
    audit = audit or Audit()
    app = FastAPI(title="Lecture 4")

    @app.exception_handler(OutOfStockError)
    async def out_of_stock(request: Request, exc: OutOfStockError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "item": exc.item}, status_code=409)

    async def session() -> AsyncIterator[int]:
        # A yield dependency: set-up before `yield`, teardown after the response is sent,
        # even when the handler raised. Week 06 opens and closes database sessions this way.
        session_id = next(audit.ids)
        audit.events.append(f"open {session_id}")
        try:
            yield session_id
        finally:
            audit.events.append(f"close {session_id}")

    SessionDep = Annotated[int, Depends(session)]  # the project's dependencies.py style
    FreshSessionDep = Annotated[int, Depends(session, use_cache=False)]

    async def stock_service(session_id: SessionDep) -> dict[str, int]:
        audit.events.append(f"service uses session {session_id}")
        return STOCK

    @app.get("/items/{name}")
    async def get_item(
        name: str, stock: Annotated[dict[str, int], Depends(stock_service)], session_id: SessionDep
    ) -> dict[str, int | str]:
        # `session` ran once: the handler and the service got the same session (cached per request).
        audit.events.append(f"handler uses session {session_id}")
        if name not in stock:
            raise HTTPException(status_code=404, detail=f"no item named {name!r}")
        if stock[name] == 0:
            raise OutOfStockError(name)
        return {"name": name, "stock": stock[name], "session": session_id}

    @app.get("/two-sessions")
    async def two_sessions(first: SessionDep, second: FreshSessionDep) -> list[int]:
        return [first, second]  # use_cache=False: a second, separate call of `session`

    return app


async def demo() -> list[str]:
    audit = Audit()
    lines = []
    transport = httpx.ASGITransport(app=make_app(audit))
    async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
        for url in ["/items/pen", "/items/nope", "/items/ink", "/two-sessions"]:
            response = await client.get(url)
            lines.append(f"GET {url} -> {response.status_code} {response.text}")
    lines.append("events: " + "; ".join(audit.events))
    return lines


def main() -> None:
    for line in asyncio.run(demo()):
        print(line)


if __name__ == "__main__":
    main()

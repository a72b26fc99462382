"""HTTP fixtures: the ASGI client runs the lifespan; live_server serves over real TCP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit.http import ClientFactory, LiveServer
from testkit.services.process import port_open

EVENTS: list[str] = []


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    EVENTS.append("startup")
    app.state.greeting = "hello"
    yield
    EVENTS.append("shutdown")


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"greeting": request.app.state.greeting})


def make_app() -> Starlette:
    return Starlette(routes=[Route("/", hello)], lifespan=lifespan)


async def test_asgi_client_runs_the_lifespan(asgi_client: ClientFactory) -> None:
    EVENTS.clear()
    client = await asgi_client(make_app())
    assert EVENTS == ["startup"]
    response = await client.get("/")
    assert response.json() == {"greeting": "hello"}


def test_lifespan_shutdown_ran_after_the_previous_test() -> None:
    assert EVENTS == ["startup", "shutdown"]


async def test_live_server_serves_over_tcp(live_server: Callable[..., LiveServer]) -> None:
    server = live_server(make_app())
    async with httpx.AsyncClient(base_url=server.url) as client:
        response = await client.get("/")
    assert response.json() == {"greeting": "hello"}
    server.stop()
    assert not port_open(server.port)

"""HTTP test helpers: an in-process ASGI client with lifespan, and a real uvicorn server.

Fixtures (from the testkit plugin):
- ``asgi_client``: ``client = await asgi_client(app)`` gives an ``httpx.AsyncClient`` that calls the
  app in-process, after running its lifespan start-up; shutdown runs when the test ends.
- ``live_server``: ``server = live_server(app)`` serves the app with uvicorn on a free 127.0.0.1
  port in a background thread (for WebSockets, real clients, load tests); ``server.url``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
import pytest_asyncio
import uvicorn
from asgi_lifespan import LifespanManager

from testkit.services.process import free_port

ASGIApp = Callable[..., Awaitable[None]]


@asynccontextmanager
async def open_asgi_client(
    app: ASGIApp, base_url: str = "http://testserver", **kwargs: Any
) -> AsyncIterator[httpx.AsyncClient]:
    """Run the app's lifespan and yield a client bound to it."""
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url=base_url, **kwargs
        ) as client,
    ):
        yield client


ClientFactory = Callable[..., Awaitable[httpx.AsyncClient]]


@pytest_asyncio.fixture(loop_scope="session")
async def asgi_client() -> AsyncIterator[ClientFactory]:
    async with AsyncExitStack() as stack:

        async def make(app: ASGIApp, **kwargs: Any) -> httpx.AsyncClient:
            return await stack.enter_async_context(open_asgi_client(app, **kwargs))

        yield make


class LiveServer:
    """uvicorn serving ``app`` in a background thread; ``stop()`` shuts it down cleanly."""

    def __init__(self, app: ASGIApp, **config: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        options: dict[str, Any] = {"host": "127.0.0.1", "port": self.port, "log_level": "warning"}
        self.server = uvicorn.Server(uvicorn.Config(app, **(options | config)))
        self.thread = threading.Thread(
            target=self.server.run, name=f"live-server-{self.port}", daemon=True
        )

    def start(self, timeout: float = 10) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start on port {self.port}")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


@pytest.fixture
def live_server() -> Iterator[Callable[..., LiveServer]]:
    servers: list[LiveServer] = []

    def serve(app: ASGIApp, **config: Any) -> LiveServer:
        server = LiveServer(app, **config).start()
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()

"""HTTP test helpers: an in-process ASGI client with lifespan, and a real uvicorn server."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import uvicorn
from asgi_lifespan import LifespanManager

from testkit.services.process import free_port

ASGIApp = Callable[..., Awaitable[None]]
ClientFactory = Callable[..., Awaitable[httpx.AsyncClient]]
"""The ``asgi_client`` fixture: ``client = await asgi_client(app, **httpx_client_options)``."""


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

"""Lecture fixtures: a real WebSocket client for the apps the ``live_server`` fixture serves."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

Connect = Callable[..., AbstractAsyncContextManager[ClientConnection]]


def ws_url(http_url: str, path: str) -> str:
    return "ws" + http_url.removeprefix("http") + path


@pytest.fixture
def ws_connect() -> Connect:
    """``async with ws_connect(server.url, "/ws/echo") as ws``: the ``websockets`` client, with
    short timeouts so a test that waits for a message it will never get fails fast."""

    def open_(
        http_url: str, path: str, **options: Any
    ) -> AbstractAsyncContextManager[ClientConnection]:
        defaults: dict[str, Any] = {"open_timeout": 5, "close_timeout": 2, "proxy": None}
        return connect(ws_url(http_url, path), **(defaults | options))

    return open_

"""The ``websockets`` client the lecture tests use, with short timeouts so a test waiting for a
message that never comes fails fast."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

Connect = Callable[..., AbstractAsyncContextManager[ClientConnection]]


def connect_to(
    http_url: str, path: str, **options: Any
) -> AbstractAsyncContextManager[ClientConnection]:
    """A connection to ``path`` on the server at ``http_url`` (``http://`` becomes ``ws://``)."""
    url = "ws" + http_url.removeprefix("http") + path
    defaults: dict[str, Any] = {"open_timeout": 5, "close_timeout": 2, "proxy": None}
    return connect(url, **(defaults | options))

"""Fixtures for your own tests: the app of the implementation under test, clients and modules.

Your tests run against your starter, the reference solution and copies of the solution with bugs
planted in them (``make check-week 4`` counts the bugs your tests catch). So get the code under
test from these fixtures (or ``impl_module``), never by importing ``week04.starter`` or
``week04.solution`` directly.
"""

from types import ModuleType
from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory

SECRET = b"student-tests-secret"
V1 = "http://testserver/api/v1"  # absolute: a relative "/api/v1/..." would join the v2 base URL


@pytest.fixture
def app() -> Any:
    """A fresh app with an empty store, its cursors signed with ``SECRET``."""
    return impl_module("week04", "main").create_app(cursor_secret=SECRET)


@pytest.fixture
async def v2(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    """A client whose relative URLs start at ``/api/v2`` (``f"{V1}/categories"`` reaches v1)."""
    return await asgi_client(app, base_url="http://testserver/api/v2")


@pytest.fixture
def pagination() -> ModuleType:
    """``CursorCodec(secret)`` with ``encode(sort, after)`` and ``decode(cursor, sort)``."""
    return impl_module("week04", "pagination")


@pytest.fixture
def errors() -> ModuleType:
    """``InvalidCursorError``, ``IdempotencyKeyReusedError``, ..."""
    return impl_module("week04", "errors")

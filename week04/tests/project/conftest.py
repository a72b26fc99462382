"""Fixtures shared by every project test: a fresh app (empty store) per test, and a v2 client.

Layering: this file serves ``tests/project`` and below; ``v1/conftest.py`` adds the v1 client
week 3's tests expect; ``factories.py`` builds request bodies.
"""

from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory

SECRET = b"test-secret-do-not-use-in-production"


@pytest.fixture
def app() -> Any:
    return impl_module("week04", "main").create_app(cursor_secret=SECRET)


@pytest.fixture
async def v2(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    return await asgi_client(app, base_url="http://testserver/api/v2")

"""Fixtures for your own tests: the app of the implementation under test, and a client for it.

Your tests run against your starter, the reference solution and copies of the solution with bugs
planted in them (``make check-week 3`` counts the bugs your tests catch). So import the code under
test with ``impl_module``, never ``week03.starter`` or ``week03.solution`` directly.
"""

from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory


@pytest.fixture
def app() -> Any:
    return impl_module("week03", "main").create_app()


@pytest.fixture
async def client(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    return await asgi_client(app)

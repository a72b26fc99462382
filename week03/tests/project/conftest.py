"""Fixtures of the project tests: a fresh app (empty store) and a client for it, per test."""

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

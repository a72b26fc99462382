"""Fixtures of the project tests: a client on an app with an empty store, per test."""

from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory


@pytest.fixture(scope="session")
def shared_app() -> Any:
    """One app for every test that only sends requests: an app builds its routes on its first
    request, which costs more than most tests, so the clients share one (``client`` empties it)."""
    return impl_module("week03", "main").create_app()


@pytest.fixture
def app() -> Any:
    """An app of the test's own, for tests that add routes to it."""
    return impl_module("week03", "main").create_app()


@pytest.fixture
async def client(shared_app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    shared_app.state.store = impl_module("week03", "storage").InMemoryStore()  # nothing left over
    return await asgi_client(shared_app)

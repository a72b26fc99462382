"""Week 3's tests run unchanged against /api/v1: their client's base URL carries the prefix."""

import httpx
import pytest

from testkit.http import ClientFactory


@pytest.fixture
async def client(app: object, asgi_client: ClientFactory) -> httpx.AsyncClient:
    # httpx joins "/tasks" onto the base URL's path: requests go to /api/v1/tasks.
    return await asgi_client(app, base_url="http://testserver/api/v1")

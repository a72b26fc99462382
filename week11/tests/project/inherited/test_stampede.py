"""Task 5 (second half): a burst of concurrent requests at a list whose cache entry has just gone
stale costs ONE query of the tasks table, on a real app with its own connection pool."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from testkit.db import count_queries
from testkit.http import ClientFactory

from ..conftest import unique_email
from ..factories import V1, create_task, register_and_login

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points
BURST = 20


async def test_a_burst_at_an_invalidated_list_queries_the_database_once(
    committed: Any, asgi_client: ClientFactory
) -> None:
    app = committed
    client = await asgi_client(app, base_url="http://testserver/api/v2")
    user = await register_and_login(client, unique_email())
    client.headers["Authorization"] = f"Bearer {user.access_token}"
    for _ in range(3):
        await create_task(client)
    await client.get(f"{V1}/tasks")  # cached ...
    await create_task(client)  # ... and stale: a write of the owner
    engine = app.state.sessionmaker.kw["bind"]
    await asyncio.gather(*(client.get(f"{V1}/me") for _ in range(BURST)))  # warm pools

    with count_queries(engine) as queries:
        responses = await asyncio.gather(*(client.get(f"{V1}/tasks") for _ in range(BURST)))

    assert all(response.status_code == 200 for response in responses)
    assert {len(response.json()) for response in responses} == {4}
    task_reads = [s for s in queries.statements if "FROM tasks" in s]
    assert len(task_reads) == 1, f"{len(task_reads)} queries of the tasks table"

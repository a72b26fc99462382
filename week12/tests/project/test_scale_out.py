"""Task 5: two app processes that share nothing but PostgreSQL and Redis: a change made through
process A reaches the owner's socket on process B; and a process whose subscription drops
subscribes again by itself.

Real uvicorn processes (``realtime.app_process``) on the live app's database, with the same
signing key (a token from one is good at the other, as behind a load balancer). No sleeps: each
step waits for an answer (an open port, a message, Redis's count of subscribers).
"""

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from .conftest import Live
from .realtime import api, app_processes, events_of, new_user, receive

pytestmark = [pytest.mark.task(5), pytest.mark.points(3)]


@pytest.fixture(scope="module")
def processes(live: Live, redis_url: str, settings: Any) -> Iterator[tuple[str, str]]:
    """Two app processes, started side by side (each takes a few seconds to import)."""
    env = {
        "DATABASE_URL": live.database_url,
        "REDIS_URL": redis_url,
        "JWT_PRIVATE_KEY": settings.signing_key,
        "CURSOR_SECRET": settings.cursor_secret.decode("latin-1"),
        "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0"),
    }
    with app_processes(env) as (a, b):
        yield a, b


async def test_a_change_through_a_reaches_a_socket_on_b(processes: tuple[str, str]) -> None:
    a, b = processes
    ann = await new_user(a, "ann")
    async with events_of(b, ann.access_token) as on_b, events_of(a, ann.access_token) as on_a:
        async with api(a, ann) as http:
            created = await http.post("/tasks", json={"title": "Made on A"})
        assert created.status_code == 201, created.text

        for ws in (on_b, on_a):
            event = await receive(ws)
            assert (event["type"], event["task_id"]) == ("task.created", created.json()["id"])


async def test_the_subscription_comes_back_after_redis_drops_it(live: Live, redis_url: str) -> None:
    ann = await new_user(live.url, "ann")
    with redis.Redis.from_url(redis_url) as client:
        before = pattern_subscribers(client)
        assert before >= 1
        client.client_kill_filter(_type="pubsub")  # every subscriber's connection, dropped
        wait_for(lambda: pattern_subscribers(client) >= before, "the notifiers to resubscribe")

    async with events_of(live.url, ann.access_token) as ws, api(live.url, ann) as http:
        task = (await http.post("/tasks", json={"title": "After the drop"})).json()
        assert (await receive(ws))["task_id"] == task["id"]


def pattern_subscribers(client: redis.Redis) -> int:
    """How many connections are subscribed (NUMPAT would count distinct patterns: one)."""
    return len(client.client_list(_type="pubsub"))


def wait_for(condition: Any, what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s"
        time.sleep(0.02)

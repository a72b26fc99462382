"""Task 6 (second half): the admin endpoint shows every cache's hit rate, as JSON and for
Prometheus; nobody else may see it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ..factories import V1, Account

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points


async def test_an_admin_sees_hits_misses_and_recomputes_per_cache(
    app: Any, v2: httpx.AsyncClient, admin: Account
) -> None:
    metrics = app.state.metrics  # what the caches of every process count
    for _ in range(2):
        await metrics.record("tasks.page", hits=1)
    await metrics.record("tasks.page", misses=1, recomputes=1, recompute_seconds=0.004)
    await metrics.record("stats.tasks", errors=1)

    response = await v2.get(f"{V1}/admin/cache", headers=admin.headers)

    assert response.status_code == 200, response.text
    report = response.json()
    assert report["redis"] == "closed"
    caches = {c["cache"]: c for c in report["caches"]}
    assert caches["tasks.page"] == {
        "cache": "tasks.page",
        "hits": 2,
        "misses": 1,
        "errors": 0,
        "recomputes": 1,
        "recompute_seconds": pytest.approx(0.004),
        "hit_ratio": pytest.approx(2 / 3),
    }
    assert (caches["stats.tasks"]["errors"], caches["stats.tasks"]["hit_ratio"]) == (1, None)


async def test_prometheus_can_scrape_the_same_counters(
    app: Any, v2: httpx.AsyncClient, admin: Account
) -> None:
    await app.state.metrics.record("tasks.page", hits=1, misses=1)
    response = await v2.get(f"{V1}/admin/cache/metrics", headers=admin.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert 'cache_requests_total{cache="tasks.page",result="hit"} 1\n' in response.text
    assert 'cache_requests_total{cache="tasks.page",result="miss"} 1\n' in response.text


@pytest.mark.parametrize("path", ["/admin/cache", "/admin/cache/metrics"])
async def test_only_admins_may_look(v2: httpx.AsyncClient, path: str) -> None:
    response = await v2.get(V1 + path)  # Ann is no admin
    assert response.status_code == 403

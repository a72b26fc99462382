"""Task 5 (second half): the admin endpoint shows every cache's hit rate, as JSON and for
Prometheus; nobody else may see it."""

from __future__ import annotations

import httpx
import pytest

from .factories import V1, Account, create_task

pytestmark = pytest.mark.task(5)


@pytest.mark.points(3)
async def test_an_admin_sees_hits_misses_and_recomputes_per_cache(
    v2: httpx.AsyncClient, admin: Account
) -> None:
    await create_task(v2)
    for _ in range(3):
        await v2.get("/tasks")
    await v2.get("/tasks/stats")

    response = await v2.get(f"{V1}/admin/cache", headers=admin.headers)

    assert response.status_code == 200, response.text
    report = response.json()
    assert report["redis"] == "closed"
    caches = {c["cache"]: c for c in report["caches"]}
    page = caches["tasks.page"]
    assert (page["hits"], page["misses"], page["errors"], page["recomputes"]) == (2, 1, 0, 1)
    assert page["hit_ratio"] == pytest.approx(2 / 3)
    assert page["recompute_seconds"] > 0
    assert (caches["stats.tasks"]["misses"], caches["stats.tasks"]["hits"]) == (1, 0)


async def test_prometheus_can_scrape_the_same_counters(
    v2: httpx.AsyncClient, admin: Account
) -> None:
    await v2.get("/tasks")
    await v2.get("/tasks")
    response = await v2.get(f"{V1}/admin/cache/metrics", headers=admin.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert 'cache_requests_total{cache="tasks.page",result="hit"} 1\n' in response.text
    assert 'cache_requests_total{cache="tasks.page",result="miss"} 1\n' in response.text


@pytest.mark.parametrize("path", ["/admin/cache", "/admin/cache/metrics"])
async def test_only_admins_may_look(v2: httpx.AsyncClient, path: str) -> None:
    response = await v2.get(V1 + path)  # Ann is no admin
    assert response.status_code == 403

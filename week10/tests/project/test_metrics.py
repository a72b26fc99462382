"""Task 6 (first half): hits, misses, errors and recompute time, counted in Redis for every
process, kept while Redis is down, and rendered for Prometheus."""

from __future__ import annotations

import pytest

from testkit.services.redis import ThrowawayRedis

from .caching import Parts, module

pytestmark = pytest.mark.task(6)


async def test_counts_add_up_per_cache_in_redis(cache: Parts) -> None:
    await cache.metrics.record("tasks.search", hits=1)
    await cache.metrics.record("tasks.search", hits=1)
    await cache.metrics.record("tasks.search", misses=1, recomputes=1, recompute_seconds=0.25)
    await cache.metrics.record("stats", errors=1)

    stats = {s.cache: s for s in await cache.metrics.snapshot()}

    assert sorted(stats) == ["stats", "tasks.search"]
    search = stats["tasks.search"]
    assert (search.hits, search.misses, search.errors, search.recomputes) == (2, 1, 0, 1)
    assert search.recompute_seconds == pytest.approx(0.25)
    assert search.hit_ratio == pytest.approx(2 / 3)
    assert stats["stats"].hit_ratio is None  # no lookup reached Redis
    assert await cache.redis.hget("tm:v1:metrics:tasks.search", "hits") == "2"


async def test_every_process_adds_to_the_same_counters(cache: Parts, redis_url: str) -> None:
    from .caching import parts

    other = parts(redis_url)  # another worker of the app
    await cache.metrics.record("tasks.search", hits=1)
    await other.metrics.record("tasks.search", hits=1)
    assert [s.hits for s in await other.metrics.snapshot()] == [2]
    await other.redis.aclose()


@pytest.mark.points(2)
async def test_counts_made_while_redis_is_down_are_written_when_it_is_back(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    outage_redis.stop()
    await outage.metrics.record("tasks.search", errors=1)  # refused: kept
    await outage.metrics.record("tasks.search", errors=1)  # breaker open: kept
    with pytest.raises(module("caching.guard").RedisUnavailableError):
        await outage.metrics.snapshot()
    outage_redis.start()
    outage.clock.advance(2.0)
    await outage.metrics.record("tasks.search", hits=1)
    [stats] = await outage.metrics.snapshot()
    assert (stats.hits, stats.errors) == (1, 2)


def test_prometheus_text_has_a_line_per_counter() -> None:
    metrics = module("caching.metrics")
    text = metrics.prometheus_text(
        [
            metrics.CacheStats(
                "stats", hits=3, misses=1, errors=2, recomputes=1, recompute_seconds=0.5
            )
        ]
    )
    assert 'cache_requests_total{cache="stats",result="hit"} 3\n' in text
    assert 'cache_requests_total{cache="stats",result="miss"} 1\n' in text
    assert 'cache_requests_total{cache="stats",result="error"} 2\n' in text
    assert 'cache_recomputes_total{cache="stats"} 1\n' in text
    assert 'cache_recompute_seconds_total{cache="stats"} 0.5\n' in text
    assert "# TYPE cache_requests_total counter\n" in text

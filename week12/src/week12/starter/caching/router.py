"""HTTP layer of the caches: their hit rates for admins, as JSON or in Prometheus' text format."""

from fastapi import APIRouter, Response
from fastapi.responses import PlainTextResponse

from ..auth.dependencies import AdminUser
from ..dependencies import GuardDep, MetricsDep
from ..errors import ServiceUnavailableError
from ..problems import problem_responses
from .guard import RedisUnavailableError
from .metrics import CacheMetrics, CacheStats, prometheus_text
from .schemas import CacheReport, CacheStatsRead

router = APIRouter(prefix="/admin/cache", tags=["admin"])


async def snapshot(metrics: CacheMetrics) -> list[CacheStats]:
    """The counters; 503 while Redis, which keeps them, cannot be reached."""
    try:
        return await metrics.snapshot()
    except RedisUnavailableError as exc:
        raise ServiceUnavailableError(
            "The cache counters are kept in Redis, which cannot be reached now", retry_after=5
        ) from exc


@router.get("", responses=problem_responses(503))
async def cache_report(admin: AdminUser, guard: GuardDep, metrics: MetricsDep) -> CacheReport:
    """Hits, misses, errors and recompute time of every cache, counted by every process."""
    caches = [
        CacheStatsRead(**vars(stats), hit_ratio=stats.hit_ratio)
        for stats in await snapshot(metrics)
    ]
    return CacheReport(redis=guard.state, caches=caches)


@router.get(
    "/metrics",
    # Not PlainTextResponse: FastAPI would document the error bodies as text/plain too (they
    # are problem+json), and the text as a JSON Schema "string" (it is no JSON at all).
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}}, "description": "Prometheus text format 0.0.4"},
        **problem_responses(503),
    },
)
async def cache_metrics(admin: AdminUser, metrics: MetricsDep) -> PlainTextResponse:
    """The same counters for Prometheus to scrape."""
    text = prometheus_text(await snapshot(metrics))
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")

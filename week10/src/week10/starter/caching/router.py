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
    raise NotImplementedError("TODO: the snapshot, or 503")


@router.get("", responses=problem_responses(503))
async def cache_report(admin: AdminUser, guard: GuardDep, metrics: MetricsDep) -> CacheReport:
    """Hits, misses, errors and recompute time of every cache, counted by every process."""
    raise NotImplementedError("TODO: the snapshot as CacheStatsRead rows, and the guard's state")


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
    raise NotImplementedError("TODO: prometheus_text of the snapshot, as text/plain version 0.0.4")

"""The app the load test serves: the production factory with rate limits out of the way (one
load generator with a few hundred accounts would otherwise measure 429s, not the API)."""

from capstone.solution.caching.limits import RateLimits
from capstone.solution.caching.pages import CachePolicy
from capstone.solution.main import create_app as create_production_app
from fastapi import FastAPI

UNLIMITED = RateLimits(per_user=10**9, per_org=10**9)


def create_app() -> FastAPI:
    return create_production_app(rate_limits=UNLIMITED)


def create_uncached_app() -> FastAPI:
    """The same without the page cache: ``--app bench_app:create_uncached_app``, the baseline."""
    return create_production_app(rate_limits=UNLIMITED, cache=CachePolicy(enabled=False))

"""Rate limiting a FastAPI app with slowapi, counted in Redis so every process shares the limits.

slowapi wraps the ``limits`` library (the counting: fixed window, moving window, the storages);
week 10 wrote a fixed and a sliding window by hand, this is the ready-made version:

- a **key function** decides *whose* budget a request spends: the authenticated user's, else the
  client IP's. Only a *verified* identity may be a key: keying on the raw token would give an
  attacker a fresh budget per forged token;
- ``default_limits`` apply to every route (through ``SlowAPIASGIMiddleware``); ``@limiter.limit``
  sets a stricter one on an expensive route, ``@limiter.exempt`` frees the health check (a load
  balancer polls it and must never be refused);
- ``storage_uri="redis://..."``: the counters live in Redis, so two processes (or two containers)
  count together; ``memory://`` would give each process a budget of its own;
- ``headers_enabled=True``: ``X-RateLimit-Limit``, ``X-RateLimit-Remaining``,
  ``X-RateLimit-Reset`` (a Unix time) on every limited answer and ``Retry-After`` (seconds) on a 429,
  whose body here is problem+json;
- ``in_memory_fallback_enabled=True``: while Redis is down each process counts in its own memory
  (a limit per process, looser but still a limit) instead of answering 500.

``uvicorn --factory week12.lectures.l4_rate_limits:app_from_env`` with ``WEEK12_REDIS_URL`` set;
``uv run python -m week12.lectures.l4_rate_limits`` shows two app instances sharing one Redis.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.middleware import SlowAPIASGIMiddleware
from slowapi.util import get_remote_address

DEFAULT_LIMIT = "5/minute"
EXPENSIVE_LIMIT = "2/minute"
DEMO_TOKENS = {"ada-token": "ada", "grace-token": "grace"}
RATE_LIMIT_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


def current_user(request: Request) -> str | None:
    """The user a valid bearer token names, else None. A dict stands in for week 9's JWT check."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    tokens: Mapping[str, str] = request.app.state.tokens
    return tokens.get(token)


def user_or_ip(request: Request) -> str:
    """The rate-limit key: one budget per user, and one per client IP for everyone else (a forged
    token lands in its IP's budget). Behind a proxy, ``request.client`` is the proxy: run uvicorn
    with ``--proxy-headers --forwarded-allow-ips=<the proxy>`` so it is the real client."""
    user = current_user(request)
    return f"user:{user}" if user else f"ip:{get_remote_address(request)}"


def too_many_requests(request: Request, exc: Exception) -> Response:
    """A 429 as problem+json, with the headers slowapi's own handler computes."""
    if not isinstance(exc, RateLimitExceeded):  # pragma: no cover - registered for it only
        raise exc
    headers = _rate_limit_exceeded_handler(request, exc).headers
    problem = {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": f"rate limit exceeded: {exc.detail}; retry after {headers['retry-after']} s",
    }
    return JSONResponse(
        problem,
        status_code=429,
        media_type="application/problem+json",
        headers={name: headers[name] for name in (*RATE_LIMIT_HEADERS, "retry-after")},
    )


def create_app(
    storage_uri: str,
    *,
    key_prefix: str = "week12",
    tokens: Mapping[str, str] = DEMO_TOKENS,
    default_limit: str = DEFAULT_LIMIT,
    expensive_limit: str = EXPENSIVE_LIMIT,
) -> FastAPI:
    limiter = Limiter(
        key_func=user_or_ip,
        default_limits=[default_limit],
        storage_uri=storage_uri,
        key_prefix=key_prefix,  # apps sharing one Redis keep their counters apart
        headers_enabled=True,
        in_memory_fallback_enabled=True,  # Redis down: count per process rather than fail
    )
    app = FastAPI()
    app.state.limiter = limiter  # where slowapi's middleware and decorators look for it
    app.state.tokens = tokens
    app.add_exception_handler(RateLimitExceeded, too_many_requests)
    app.add_middleware(SlowAPIASGIMiddleware)  # applies default_limits to undecorated routes

    @app.get("/health")
    @limiter.exempt  # type: ignore[untyped-decorator]  # slowapi leaves it unannotated
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/tasks")
    async def list_tasks(request: Request) -> dict[str, object]:
        user = current_user(request)
        return {"user": user, "tasks": [{"id": n, "title": f"task {n}"} for n in range(1, 4)]}

    # The route decorator goes above the limit decorator. The endpoint must take `request` (to
    # find the key) and, returning a dict, `response` (the response the headers are written to).
    @app.post("/reports", status_code=202)
    @limiter.limit(expensive_limit)
    async def build_report(request: Request, response: Response) -> dict[str, str]:
        return {"status": "queued", "for": current_user(request) or "anonymous"}

    return app


def app_from_env() -> FastAPI:
    return create_app(os.environ["WEEK12_REDIS_URL"])


@contextmanager
def demo_redis() -> Iterator[str]:
    """``REDIS_URL`` if set, else a throwaway local redis-server."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    from testkit.services.redis import ThrowawayRedis

    server = ThrowawayRedis()
    try:
        yield server.url()
    finally:
        server.close()


def describe(response: httpx.Response) -> str:
    if response.status_code == 429:
        return f"429 retry-after={response.headers['retry-after']}: {response.json()['detail']}"
    return f"{response.status_code} remaining={response.headers['x-ratelimit-remaining']}"


async def demo(redis_url: str) -> None:
    prefix = f"demo-{uuid.uuid4().hex}"  # counters of this run only, on a shared server too
    a, b = (create_app(redis_url, key_prefix=prefix) for _ in range(2))
    ada, grace = ({"Authorization": f"Bearer {name}-token"} for name in ("ada", "grace"))
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=a), base_url="http://a") as on_a,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=b), base_url="http://b") as on_b,
    ):
        print(f"two app instances, one Redis, {DEFAULT_LIMIT} per user or IP:")
        for n in range(6):
            response = await (on_a, on_b)[n % 2].get("/tasks", headers=ada)
            print(f"  GET /tasks as ada via {'AB'[n % 2]}: {describe(response)}")
        print(f"  GET /tasks as grace via A: {describe(await on_a.get('/tasks', headers=grace))}")
        print(f"  GET /tasks anonymous via A: {describe(await on_a.get('/tasks'))}")
        reports = [(await on_a.post("/reports", headers=ada)).status_code for _ in range(3)]
        print(f"POST /reports as ada, {EXPENSIVE_LIMIT}: {reports}")
        health = [await on_a.get("/health") for _ in range(10)]
        headers = any("x-ratelimit-limit" in r.headers for r in health)
        print(
            f"GET /health x 10: {sorted({r.status_code for r in health})}, limit headers: {headers}"
        )


if __name__ == "__main__":
    with demo_redis() as url:
        asyncio.run(demo(url))

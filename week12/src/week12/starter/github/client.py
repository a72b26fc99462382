"""The GitHub client: one ``httpx.AsyncClient`` (a connection pool) for the process, inside week 8's
``ResilientClient`` (retries, token bucket, breaker). Timeouts and retries are short: a user waits
for this answer, and a stale preview (``HttpCache``) beats a long wait."""

import ssl
from functools import cache

import httpx

from ..resilience.breaker import CircuitBreaker
from ..resilience.client import ResilientClient
from ..resilience.rate_limit import ServerBudget, TokenBucket
from ..resilience.retry import RetryPolicy
from ..settings import GitHubSettings

USER_AGENT = "course-task-manager/0.10"  # GitHub refuses requests without a User-Agent


@cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for the process: loading the CA certificates takes ~0.1 s each time."""
    return ssl.create_default_context()


def github_client(settings: GitHubSettings) -> ResilientClient:
    headers = {
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": USER_AGENT,
    }
    if settings.token:
        headers["Authorization"] = f"Bearer {settings.token}"
    http = httpx.AsyncClient(
        base_url=settings.url,
        headers=headers,
        verify=tls_context(),
        timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 3.0)),
        limits=httpx.Limits(max_connections=10, max_keepalive_connections=5),
    )
    return ResilientClient(
        "github",
        http,
        policy=RetryPolicy(max_attempts=settings.max_attempts, base=0.25, cap=2.0),
        breaker=CircuitBreaker("github", threshold=5, reset_timeout=30.0),
        bucket=TokenBucket(rate=10, capacity=20),
        budget=ServerBudget(),
    )

"""``ResilientClient``: one upstream's requests with every defence in one place (breaker, token
bucket, advertised budget, shared ``httpx.AsyncClient``, retries). Sequence diagram: the README."""

from collections.abc import Mapping

import httpx
import structlog

from .breaker import CircuitBreaker
from .clock import Now, Sleep, wall_clock
from .clock import sleep as real_sleep
from .errors import UpstreamRejectedError, UpstreamUnavailableError
from .rate_limit import ServerBudget, TokenBucket
from .retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after

logger = structlog.get_logger(__name__)


class ResilientClient:
    def __init__(
        self, name: str, http: httpx.AsyncClient, *, policy: RetryPolicy,
        breaker: CircuitBreaker, bucket: TokenBucket, budget: ServerBudget,
        now: Now = wall_clock, sleep: Sleep = real_sleep,
    ) -> None:  # fmt: skip
        """Keep every argument as an attribute of the same name."""
        raise NotImplementedError("TODO: keep every argument")

    def rate_limited(self, response: httpx.Response) -> bool:
        """A 429, or GitHub's way of saying the same: a 403 with ``Retry-After`` or with
        ``X-RateLimit-Remaining: 0`` (then the next attempt waits for the budget's reset)."""
        raise NotImplementedError("TODO: 429, or 403 + Retry-After or Remaining: 0")

    async def request(
        self, method: str, url: str, *, params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:  # fmt: skip
        """Send with the defences above; return a response below 400, or raise an UpstreamError."""
        raise NotImplementedError("TODO: breaker, bucket, budget, send, classify, retry")

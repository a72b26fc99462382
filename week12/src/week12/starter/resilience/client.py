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
        self.name = name
        self.http = http
        self.policy = policy
        self.breaker = breaker
        self.bucket = bucket
        self.budget = budget
        self.now = now
        self.sleep = sleep

    def rate_limited(self, response: httpx.Response) -> bool:
        """A 429, or GitHub's way of saying the same: a 403 with ``Retry-After`` or with
        ``X-RateLimit-Remaining: 0`` (then the next attempt waits for the budget's reset)."""
        headers = response.headers
        return response.status_code == 429 or (
            response.status_code == 403
            and ("retry-after" in headers or headers.get("x-ratelimit-remaining") == "0")
        )

    async def request(
        self, method: str, url: str, *, params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:  # fmt: skip
        """Send with the defences above; return a response below 400, or raise an UpstreamError."""
        headers = dict(headers or {})
        attempt = 0
        while True:
            attempt += 1
            self.breaker.before_call()
            await self.bucket.acquire()
            if not await self.budget.wait_if_spent(self.policy.cap):
                raise UpstreamUnavailableError(self.name, "rate limit spent until its reset")
            status: int | None = None
            retry_after: float | None = None
            try:
                response = await self.http.request(method, url, params=params, headers=headers)
            except httpx.TransportError as exc:
                self.breaker.record_failure()
                failure = f"{type(exc).__name__} on {method} {url}"
            else:
                self.budget.update(response.headers)
                status = 429 if self.rate_limited(response) else response.status_code
                if status >= 500:
                    self.breaker.record_failure()
                else:
                    self.breaker.record_success()
                if status < 400:
                    return response
                if status < 500 and status not in RETRYABLE_STATUSES:
                    raise UpstreamRejectedError(self.name, status, response.text[:200])
                failure = f"HTTP {status} on {method} {url}"
                retry_after = parse_retry_after(response.headers.get("retry-after"), self.now())
            delay = None
            if self.policy.is_retryable(method, headers, status):
                delay = self.policy.delay(attempt, retry_after)
            if delay is None:
                raise UpstreamUnavailableError(self.name, f"{failure} (attempt {attempt})")
            logger.info("retrying", source=self.name, failure=failure, attempt=attempt, delay=delay)
            await self.sleep(delay)

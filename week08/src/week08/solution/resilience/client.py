"""``ResilientClient``: one upstream's requests, with every defence in one place.

Per attempt, in this order:

1. the circuit breaker may refuse at once (``CircuitOpenError``: the upstream is known to be down);
2. our token bucket hands out a token (our own pace), then the server's advertised budget is
   checked (wait for its reset if it is spent, rather than earn a 429);
3. the request goes out on the shared ``httpx.AsyncClient`` (its timeouts and connection pool);
4. the outcome is classified: a timeout, a dropped connection or a 5xx is a breaker failure;
   any answer below 500 shows the upstream is up (a breaker success);
5. a retryable failure of a retryable request waits (backoff with jitter, or ``Retry-After``) and
   tries again, up to the policy's attempts; anything else returns or raises:
   below 400 (incl. 304) is returned, another 4xx raises ``UpstreamRejectedError``, a failure
   without retries left raises ``UpstreamUnavailableError``.
"""

from __future__ import annotations

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
        self.name = name
        self.http = http
        self.policy = policy
        self.breaker = breaker
        self.bucket = bucket
        self.budget = budget
        self.now = now
        self.sleep = sleep

    async def request(
        self, method: str, url: str, *, params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:  # fmt: skip
        """Send with the defences above; return a response below 400, or raise an UpstreamError."""
        # BEGIN SOLUTION the loop: breaker, bucket, budget, send, classify, retry or return/raise
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
                status = response.status_code
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
        # END SOLUTION

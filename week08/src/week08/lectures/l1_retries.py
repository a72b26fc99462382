"""L1: retries with backoff, with tenacity and by hand.

Retry only when another try can succeed and cannot do harm:

- the failure may pass: no response (timeout, dropped connection), 429, 502/503/504;
  never a 400 or a 404, which fail the same way every time;
- the request is idempotent: GET, PUT, DELETE; a POST only with an ``Idempotency-Key`` the
  server honours (a retried POST without one may charge a card twice);
- wait longer each time (exponential backoff) and randomly (jitter: a thousand clients that
  failed together must not retry together); ``wait_random_exponential`` is "full jitter":
  a random wait between 0 and ``min(max, multiplier * 2**n)``;
- if the server says when (``Retry-After``), wait that long instead.

``fetch_with_tenacity`` is the library way; ``fetch_by_hand`` is the same loop written out, so
nothing about it is magic. Both take ``sleep`` so a test (or the demo) can record the waits
instead of waiting.

Run: ``uv run python -m week08.lectures.l1_retries``
"""

import asyncio
import random
from collections.abc import Awaitable, Callable

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from testkit.fake_upstream import Fault
from week08.lectures.servers import serve

Sleep = Callable[[float], Awaitable[None]]
RETRYABLE = {429, 502, 503, 504}
IDEMPOTENT = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}


class RetryableStatus(Exception):
    """A response worth another try; carries it for Retry-After."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, RetryableStatus):
        return exc.response.request.method in IDEMPOTENT
    return isinstance(exc, httpx.TransportError)  # timeouts, refused or dropped connections


def retry_after(exc: BaseException | None) -> float | None:
    if isinstance(exc, RetryableStatus):
        value = exc.response.headers.get("retry-after", "")
        return float(value) if value.isdigit() else None
    return None


backoff = wait_random_exponential(multiplier=0.5, max=10)


def wait_for(state: RetryCallState) -> float:
    """Retry-After if the server sent one, else exponential backoff with full jitter."""
    exc = state.outcome.exception() if state.outcome else None
    told = retry_after(exc)
    return told if told is not None else backoff(state)


async def send(client: httpx.AsyncClient, method: str, url: str) -> httpx.Response:
    response = await client.request(method, url)
    if response.status_code in RETRYABLE:
        raise RetryableStatus(response)
    return response.raise_for_status()


async def fetch_with_tenacity(
    client: httpx.AsyncClient, method: str, url: str, *, sleep: Sleep = asyncio.sleep
) -> httpx.Response:
    retrying = AsyncRetrying(
        stop=stop_after_attempt(4),
        wait=wait_for,
        retry=retry_if_exception(is_retryable),
        sleep=sleep,
        reraise=True,  # after the last attempt, raise the real error, not tenacity's RetryError
    )
    async for attempt in retrying:
        with attempt:
            return await send(client, method, url)
    raise AssertionError("unreachable: tenacity either returned or raised")


async def fetch_by_hand(
    client: httpx.AsyncClient, method: str, url: str, *, attempts: int = 4,
    base: float = 0.5, cap: float = 10.0, sleep: Sleep = asyncio.sleep,
) -> httpx.Response:  # fmt: skip
    """The same policy without a library: try, decide, wait, try again."""
    for attempt in range(1, attempts + 1):
        try:
            return await send(client, method, url)
        except (RetryableStatus, httpx.TransportError) as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            told = retry_after(exc)
            ceiling = min(cap, base * 2 ** (attempt - 1))
            jitter = random.uniform(0, ceiling)  # noqa: S311 - spreading retries, not cryptography
            delay = told if told is not None else jitter
            await sleep(delay)
    raise AssertionError("unreachable: the last attempt returned or raised")


async def ok(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


async def demo() -> dict[str, object]:
    waits: dict[str, list[float]] = {"tenacity": [], "by hand": [], "retry-after": []}

    def recorder(name: str) -> Sleep:
        async def sleep(seconds: float) -> None:
            waits[name].append(round(seconds, 2))

        return sleep

    with serve([Route("/", ok, methods=["GET", "POST"])]) as server:
        async with httpx.AsyncClient(base_url=server.url) as client:
            server.inject(Fault.status_code(503), times=2)
            await fetch_with_tenacity(client, "GET", "/", sleep=recorder("tenacity"))
            server.inject(Fault.status_code(503), times=2)
            await fetch_by_hand(client, "GET", "/", sleep=recorder("by hand"))
            server.inject(Fault.rate_limited(retry_after=3))
            await fetch_with_tenacity(client, "GET", "/", sleep=recorder("retry-after"))
            server.inject(Fault.status_code(503))
            try:
                await fetch_with_tenacity(client, "POST", "/", sleep=recorder("tenacity"))
                post = "retried"
            except RetryableStatus as exc:
                post = f"not retried: {exc}"
            requests = len(server.requests)
    return {"waits": waits, "POST": post, "requests": requests}


def main() -> None:
    for key, value in asyncio.run(demo()).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()

"""Fake third-party APIs: real HTTP servers on 127.0.0.1 that misbehave on command.

A client's resilience (timeouts, retries, rate limits, circuit breakers) is only proven against a
real socket: a mocked transport never times out, never drops a connection half-way and never sends
a ``Content-Length`` it does not keep. ``FakeUpstream`` serves a Starlette app (the routes of the
API being faked, written by the week's tests) with uvicorn in a background thread, and in front of
it:

- a **request log** (``requests``): method, path, query and headers of everything that arrived;
- **faults** queued on command, each for the next N requests (optionally only to one path):
  ``Fault.status(503)``, ``Fault.rate_limited(retry_after=2)``, ``Fault.delay(0.5)`` (slow
  headers), ``Fault.stall_body(0.5)`` (headers, then a slow body), ``Fault.body(b'{"broken')``
  (malformed or partial JSON), ``Fault.cut_body()`` (the connection drops mid-body);
- an optional **rate limit** (``RateLimit``): ``X-RateLimit-*`` headers on every response, 429 with
  ``Retry-After`` once the budget of a window is spent, and ``rejected`` counting every request
  over the budget, so a test can prove a client never exceeded it.

``unaccepted_port()`` gives a port where connecting hangs (the connect phase of a timeout).
``FakeClock`` is a clock tests move by hand, shared by a client under test and a ``RateLimit``.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Literal

from starlette.applications import Starlette
from starlette.routing import BaseRoute
from starlette.types import Message, Receive, Scope, Send

from testkit.http import LiveServer

FaultKind = Literal["status", "delay", "stall_body", "body", "cut_body"]


class FakeClock:
    """Time that moves only when told to: ``sleep()`` advances it at once and records the wait."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(max(seconds, 0.0))


@dataclass(frozen=True)
class Fault:
    """One way to misbehave; build it with the class methods."""

    kind: FaultKind
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    payload: bytes = b""
    seconds: float = 0.0

    @classmethod
    def status_code(
        cls, status: int, *, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> Fault:
        """Answer ``status`` (a 503, a 500) instead of the real response."""
        return cls("status", status=status, headers=tuple((headers or {}).items()), payload=body)

    @classmethod
    def rate_limited(cls, retry_after: int = 1) -> Fault:
        """429 Too Many Requests with ``Retry-After`` (seconds)."""
        return cls.status_code(429, headers={"Retry-After": str(retry_after)})

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait before the response starts (a client's *read* timeout fires)."""
        return cls("delay", seconds=seconds)

    @classmethod
    def stall_body(cls, seconds: float) -> Fault:
        """Send the status and headers at once, then wait before the body."""
        return cls("stall_body", seconds=seconds)

    @classmethod
    def body(
        cls, data: bytes, *, status: int = 200, content_type: str = "application/json"
    ) -> Fault:
        """Answer these bytes (malformed JSON, a truncated document, the wrong shape)."""
        return cls("body", status=status, headers=(("content-type", content_type),), payload=data)

    @classmethod
    def cut_body(cls) -> Fault:
        """Promise a body with ``Content-Length``, send half of it, drop the connection."""
        return cls("cut_body")


@dataclass
class _Queued:
    fault: Fault
    remaining: int
    path: str | None


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    at: float


@dataclass
class RateLimit:
    """A fixed-window budget, advertised the way GitHub does (``X-RateLimit-*``).

    The window starts with its first request and lasts ``window`` seconds of ``clock``; requests
    over ``limit`` in a window get 429 and are counted in ``rejected``.
    """

    limit: int
    window: float = 60.0
    clock: Callable[[], float] = time.time
    rejected: int = 0
    used: int = 0
    window_start: float | None = None
    counts: list[int] = field(default_factory=list)  # requests admitted per window, for tests

    def admit(self) -> tuple[bool, dict[str, str]]:
        """Count one request; return whether it is within budget and the headers to send."""
        now = self.clock()
        if self.window_start is None or now >= self.window_start + self.window:
            self.window_start, self.used = now, 0
            self.counts.append(0)
        allowed = self.used < self.limit
        if allowed:
            self.used += 1
            self.counts[-1] += 1
        else:
            self.rejected += 1
        reset = self.window_start + self.window
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.limit - self.used),
            "X-RateLimit-Used": str(self.used),
            "X-RateLimit-Reset": str(int(reset) + (reset % 1 > 0)),  # whole seconds, rounded up
        }
        if not allowed:
            headers["Retry-After"] = str(max(1, int(reset - now + 0.999)))
        return allowed, headers


class FakeUpstream:
    """A fake third-party API over real TCP. Use it as a context manager (or ``start``/``stop``)."""

    def __init__(self, routes: Sequence[BaseRoute], *, rate_limit: RateLimit | None = None) -> None:
        self.app = Starlette(routes=list(routes))
        self.rate_limit = rate_limit
        self.requests: list[RecordedRequest] = []
        self._faults: list[_Queued] = []
        self._lock = threading.Lock()  # the test's thread queues faults, the server's reads them
        self._server: LiveServer | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake upstream is not running: use it in a `with` block")
        return self._server.url

    def start(self) -> FakeUpstream:
        self._server = LiveServer(self._asgi, log_level="critical", interface="asgi3").start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            # Do not wait for requests a fault is still holding (a long delay): end them now.
            self._server.server.force_exit = True
            self._server.stop()
            self._server = None

    def __enter__(self) -> FakeUpstream:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def inject(self, fault: Fault, *, times: int = 1, path: str | None = None) -> None:
        """Misbehave with ``fault`` for the next ``times`` requests (to ``path`` only, if given)."""
        with self._lock:
            self._faults.append(_Queued(fault, times, path))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            for queued in self._faults:
                if queued.path in (None, path):
                    queued.remaining -= 1
                    if queued.remaining == 0:
                        self._faults.remove(queued)
                    return queued.fault
        return None

    async def _asgi(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope["path"]
        query = scope["query_string"].decode("latin-1")
        self.requests.append(RecordedRequest(scope["method"], path, query, headers, time.time()))
        extra: dict[str, str] = {}
        if self.rate_limit is not None:
            allowed, extra = self.rate_limit.admit()
            if not allowed:
                await _respond(send, 429, extra, b'{"message": "API rate limit exceeded"}')
                return
        fault = self._next_fault(path)
        if fault is None:
            await self.app(scope, receive, _with_headers(send, extra))
        elif fault.kind in ("status", "body"):
            await _respond(send, fault.status, {**extra, **dict(fault.headers)}, fault.payload)
        elif fault.kind == "delay":
            await asyncio.sleep(fault.seconds)
            await self.app(scope, receive, _with_headers(send, extra))
        else:
            await self.app(scope, receive, _misbehaving_body(send, fault, extra))


async def _respond(send: Send, status: int, headers: dict[str, str], body: bytes) -> None:
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    if not any(k == b"content-type" for k, _ in raw):
        raw.append((b"content-type", b"application/json"))
    raw.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def _with_headers(send: Send, headers: dict[str, str]) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start" and headers:
            raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
            message = {**message, "headers": [*message.get("headers", []), *raw]}
        await send(message)

    return wrapped


def _misbehaving_body(send: Send, fault: Fault, headers: dict[str, str]) -> Send:
    """Pass the app's response start through, then stall or cut its body."""
    start: Message = {}
    inner = _with_headers(send, headers)

    async def wrapped(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        body = message.get("body", b"")
        if fault.kind == "stall_body":
            await inner(start)
            await asyncio.sleep(fault.seconds)
            await send(message)
            return
        # cut_body: the headers promise the whole body; half of it arrives, then the app "crashes"
        # and uvicorn closes the connection mid-body.
        await inner(start)
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        raise ConnectionAbortedError("fake upstream: connection cut mid-body on purpose")

    return wrapped


@contextmanager
def unaccepted_port() -> Iterator[int]:
    """A port whose connections hang in the TCP handshake (the *connect* phase of a timeout).

    A listening socket with a backlog of 0 that never calls ``accept()``: once its queue is full
    (two pending connections fill it on Linux), the kernel drops further SYNs, so ``connect()``
    waits until the client's connect timeout.
    """
    listener = socket.socket()
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            with suppress(BlockingIOError):  # non-blocking: the handshake completes on its own
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()

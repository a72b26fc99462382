"""A lean HTTP/1.1 load generator for the throughput figure: N keep-alive connections, each sending
one request after another for a fixed time, and the figures that matter (requests/s, p50/p95/p99
latency, errors).

    uv run python capstone/loadtest/loadgen.py http://127.0.0.1:8000/api/v1/orgs/1/tasks \\
        --token "$TOKEN" --connections 10 --duration 10

(A copy of week 12's generator, grown by what the capstone's goal asks for: "no stalls" is a
figure here, the longest time in which no request at all completed, and a per-second timeline
of completions feeds the chart.)

Why not locust for this figure: locust runs Python code per simulated user and parses every
response with requests (or geventhttpclient), so on a 2-core box it burns about one core at a
few hundred to ~2,000 requests/s, the same cores the two uvicorn workers need; the number then
measures locust. Why not the lecture's httpx client: httpx costs ~0.3 ms of CPU per request, far
less than locust but still a large share of the budget at 1,000+ requests/s. ``wrk``/``oha`` are
the usual tools but not on PyPI. This client writes pre-built request bytes and reads just the
status line and ``Content-Length`` off the socket with asyncio streams (uvloop when installed):
a few microseconds per request, so almost all the CPU goes to the server being measured.

It is honest about what it skips: no TLS, no redirects, no chunked bodies it cannot frame (they
count as errors), one request in flight per connection (no pipelining, like a browser).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


def percentile(sorted_values: list[float], p: float) -> float:
    """The nearest-rank percentile ``p`` (0-100] of already sorted values."""
    if not sorted_values:
        raise ValueError("no values")
    if not 0 < p <= 100:
        raise ValueError(f"percentile must be in (0, 100], got {p}")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass(frozen=True)
class Result:
    connections: int
    seconds: float  # the measured window (warm-up excluded)
    latencies_ms: list[float]  # of the successful requests, sorted
    errors: int  # 5xx, broken connections, unframeable responses
    statuses: Counter[int] = field(default_factory=Counter)
    per_second: list[int] = field(default_factory=list)  # responses completed in each second
    longest_gap_ms: float = 0.0  # the longest time without any response completing: a stall

    @property
    def stalled(self) -> bool:
        """A second or more with nothing completing while connections were waiting."""
        return self.longest_gap_ms >= 1000

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + self.errors

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def p(self, value: float) -> float:
        return percentile(self.latencies_ms, value)

    def summary(self) -> str:
        if not self.latencies_ms:
            return f"{self.connections} connections: {self.errors} requests, all failed"
        return (
            f"{self.connections} connections: {self.requests} requests in {self.seconds:.1f} s "
            f"= {self.throughput:.0f} req/s, {self.errors} errors; p50 {self.p(50):.1f} ms, "
            f"p95 {self.p(95):.1f} ms, p99 {self.p(99):.1f} ms, max {self.latencies_ms[-1]:.1f} ms; "
            f"longest gap without a response {self.longest_gap_ms:.0f} ms"
        )


def build_request(url: str, headers: dict[str, str] | None = None) -> bytes:
    """The bytes of a keep-alive GET of ``url``: built once, written as they are every time."""
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", "Accept: application/json"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class FramingError(Exception):
    """A response this client cannot frame (no Content-Length, or the server closes)."""


def parse_head(head: bytes) -> tuple[int, int, bool]:
    """(status, body length, keep-alive) from a response head (status line and headers)."""
    status_line, _, rest = head.partition(b"\r\n")
    try:
        status = int(status_line.split(b" ", 2)[1])
    except (IndexError, ValueError) as exc:
        raise FramingError(f"bad status line {status_line[:80]!r}") from exc
    length = None
    keep_alive = True
    for line in rest.split(b"\r\n"):
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection" and value.strip().lower() == b"close":
            keep_alive = False
    if length is None:
        if status in (204, 304):
            return status, 0, keep_alive
        raise FramingError("response without Content-Length")
    return status, length, keep_alive


async def _connection(
    host: str, port: int, request: bytes, warm_until: float, stop_at: float, out: _Tally
) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    try:
        while (started := time.perf_counter()) < stop_at:
            try:
                if reader is None or writer is None:  # (re)connect: its time counts too
                    reader, writer = await asyncio.open_connection(host, port)
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                status, length, keep_alive = parse_head(head)
                if length:
                    await reader.readexactly(length)
            except (OSError, asyncio.IncompleteReadError, FramingError):
                if started >= warm_until:
                    out.errors += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.01)  # a refused connection must not spin the loop
                continue
            if started >= warm_until:  # the warm-up's requests are not counted
                out.completed.append(time.perf_counter())
                out.statuses[status] += 1
                if status >= 500:
                    out.errors += 1
                else:
                    out.latencies.append((time.perf_counter() - started) * 1000)
            if not keep_alive:
                writer.close()
                reader = writer = None
    finally:
        if writer is not None:
            writer.close()


@dataclass
class _Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    completed: list[float] = field(default_factory=list)  # perf_counter() of each response

    def timeline(self, start: float, stop: float) -> tuple[list[int], float]:
        """Responses per whole second of [start, stop), and the longest gap without one (the
        window's edges count as gaps: a server that never answers has one gap, the window)."""
        seconds = max(1, math.ceil(stop - start - 1e-9))
        per_second = [0] * seconds
        for moment in self.completed:
            per_second[min(int(moment - start), seconds - 1)] += 1
        edges = [start, *sorted(self.completed), max(stop, start)]
        gap = max(later - earlier for earlier, later in itertools.pairwise(edges))
        return per_second, gap * 1000


async def run(
    url: str, requests: list[bytes], connections: int, duration: float, warmup: float = 0.0
) -> Result:
    """``connections`` connections for ``warmup + duration`` seconds; connection ``i`` sends
    ``requests[i % len(requests)]`` (one per user, say), and only the last ``duration`` seconds
    are measured."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    tally = _Tally()
    begin = time.perf_counter()
    warm_until, stop_at = begin + warmup, begin + warmup + duration
    await asyncio.gather(*(
        _connection(host, port, requests[i % len(requests)], warm_until, stop_at, tally)
        for i in range(connections)
    ))  # fmt: skip
    ended = time.perf_counter()
    per_second, gap_ms = tally.timeline(warm_until, ended)
    return Result(
        connections, ended - warm_until, sorted(tally.latencies), tally.errors, tally.statuses,
        per_second, gap_ms,
    )  # fmt: skip


def measure(
    url: str, requests: list[bytes], connections: int, duration: float, warmup: float = 0.0
) -> Result:
    """``run`` on uvloop's faster event loop (uvicorn[standard] installs it)."""
    loop_factory: Callable[[], asyncio.AbstractEventLoop] = asyncio.new_event_loop
    try:
        import uvloop

        loop_factory = uvloop.new_event_loop
    except ImportError:  # pragma: no cover - uvicorn[standard] installs it
        pass
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        return runner.run(run(url, requests, connections, duration, warmup))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--token", action="append", default=[],
                        help="a bearer token; repeat for several users (connection i uses token i mod n)")  # fmt: skip
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args(argv)
    tokens = args.token or [None]
    requests = [
        build_request(args.url, {"Authorization": f"Bearer {t}"} if t else None) for t in tokens
    ]
    print(measure(args.url, requests, args.connections, args.duration, args.warmup).summary())


if __name__ == "__main__":
    main()

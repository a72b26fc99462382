"""Reconnecting without stampeding: exponential backoff with full jitter.

When a server restarts, every client loses its connection at the same moment; if they all
reconnect after exactly 1 s, the new server gets them all in the same millisecond, possibly falls
over, and the dance repeats. A client therefore waits a *random* time in ``[0, min(cap, base *
2**attempt)]`` before attempt ``attempt`` ("full jitter"), resets the count once a connection has
worked, and resumes from the last event id it saw (SSE's ``Last-Event-ID``, or the same idea sent
in a WebSocket's first message). The ``websockets`` client does the backoff for you:
``async for ws in connect(url): ...`` reconnects with its own jittered backoff.
"""

from __future__ import annotations

import random
from collections.abc import Iterator


def reconnect_delays(
    base: float = 0.5, cap: float = 30.0, rng: random.Random | None = None
) -> Iterator[float]:
    """An endless series of waits: attempt n waits a random time up to ``min(cap, base * 2**n)``."""
    rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
    attempt = 0
    while True:
        yield rng.uniform(0, min(cap, base * 2**attempt))
        attempt += 1

"""Exercise 5: ``fetch_all``, concurrent fetching with a concurrency limit and per-item errors.

``await fetch_all(items, fetch, limit=5)`` calls ``fetch(item)`` for every item, at most
``limit`` at a time (an ``asyncio.Semaphore``), and returns one ``Outcome`` per item in the SAME
order as ``items``, whatever order they finish in. An ``Exception`` raised by one fetch is stored
in its outcome and does not affect the others (cancellation is never swallowed).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Outcome(Generic[T, R]):
    """The result of fetching one item: a value or the error it raised."""

    item: T
    value: R | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


async def fetch_all(
    items: Sequence[T], fetch: Callable[[T], Awaitable[R]], *, limit: int = 10
) -> list[Outcome[T, R]]:
    """Fetch every item with at most ``limit`` fetches running; ``ValueError`` if limit < 1."""
    # BEGIN SOLUTION Semaphore(limit) + gather; catch Exception per item
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    semaphore = asyncio.Semaphore(limit)

    async def one(item: T) -> Outcome[T, R]:
        async with semaphore:
            try:
                return Outcome(item, value=await fetch(item))
            except Exception as exc:  # CancelledError is a BaseException: it still propagates
                return Outcome(item, error=exc)

    return list(await asyncio.gather(*(one(item) for item in items)))
    # END SOLUTION

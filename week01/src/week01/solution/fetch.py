"""Exercise 5: concurrent fetching with ``gather`` and with ``create_task``.

``await fetch_all(items, fetch, limit=5)`` calls ``fetch(item)`` for every item, at most
``limit`` at a time (an ``asyncio.Semaphore``), and returns one ``Outcome`` per item in the SAME
order as ``items``, whatever order they finish in. An ``Exception`` raised by one fetch is stored
in its outcome and does not affect the others (cancellation is never swallowed).

``await first_success(mirrors, fetch)`` asks every mirror at once (one task each) and returns the
first value any of them returns; the other tasks are cancelled, and have stopped, before it
returns. Failed mirrors are skipped; when every one fails it raises an ``ExceptionGroup`` of all
their errors.
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
    # BEGIN SOLUTION Task 5: an Outcome per item, at most `limit` at a time
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


async def first_success(mirrors: Sequence[T], fetch: Callable[[T], Awaitable[R]]) -> R:
    """The first value any mirror returns; a ``ValueError`` that says so when there is no mirror."""
    # BEGIN SOLUTION Task 5: the first value any mirror returns; cancel the others
    if not mirrors:
        raise ValueError("first_success needs at least one mirror")

    async def call(mirror: T) -> R:  # create_task takes a coroutine, fetch returns an awaitable
        return await fetch(mirror)

    tasks = [asyncio.create_task(call(mirror)) for mirror in mirrors]
    errors: list[Exception] = []
    try:
        for finished in asyncio.as_completed(tasks):
            try:
                return await finished
            except Exception as exc:
                errors.append(exc)
    finally:  # also when we are cancelled ourselves: no task may outlive this call
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # wait until they have stopped
    raise ExceptionGroup("every mirror failed", errors)
    # END SOLUTION

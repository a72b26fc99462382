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
    raise NotImplementedError("TODO: Task 5: an Outcome per item, at most `limit` at a time")


async def first_success(mirrors: Sequence[T], fetch: Callable[[T], Awaitable[R]]) -> R:
    """The first value any mirror returns; a ``ValueError`` that says so when there is no mirror."""
    raise NotImplementedError("TODO: Task 5: the first value any mirror returns; cancel the others")

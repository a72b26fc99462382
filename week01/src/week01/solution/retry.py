"""Exercise 3: retry decorators with exponential backoff and exception filtering.

``@retry(attempts=4, on=(ConnectionError,), base_delay=0.1)`` calls the function up to 4 times.
Between attempts it sleeps ``base_delay * factor ** (n - 1)`` after the n-th failure, capped at
``max_delay`` (0.1, 0.2, 0.4 ... seconds). Only the ``on`` exceptions are retried; any other error
propagates at once. When the last attempt fails, its exception propagates unchanged.
``sleep`` is a parameter so tests can replace ``time.sleep``.

``@retry_async(...)`` does the same for ``async def`` functions: it awaits each attempt and
awaits ``sleep`` (``asyncio.sleep``), so other tasks run while it waits.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def backoff_delays(
    attempts: int, base_delay: float, factor: float, max_delay: float
) -> list[float]:
    """The sleeps between ``attempts`` calls: ``attempts - 1`` values; ``ValueError`` naming a bad
    setting (attempts < 1, a negative delay, factor < 1)."""
    # BEGIN SOLUTION Task 3: check the settings; the list of delays
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    if base_delay < 0 or max_delay < 0:
        raise ValueError("delays must not be negative")
    if factor < 1:
        raise ValueError(f"factor must be at least 1, got {factor}")
    return [min(base_delay * factor**n, max_delay) for n in range(attempts - 1)]
    # END SOLUTION


def retry(
    *,
    attempts: int = 3,
    on: tuple[type[Exception], ...] = (Exception,),
    base_delay: float = 0.1,
    factor: float = 2.0,
    max_delay: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Retry the decorated function; see the module docstring. Bad settings fail here, at once."""
    # BEGIN SOLUTION Task 3: return the decorator (see the module docstring)
    delays = backoff_delays(attempts, base_delay, factor, max_delay)

    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)  # keep __name__, __doc__ and __wrapped__
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for delay in delays:
                try:
                    return func(*args, **kwargs)
                except on:
                    sleep(delay)
            return func(*args, **kwargs)  # the last attempt: its error reaches the caller

        return wrapper

    return decorator
    # END SOLUTION


def retry_async(
    *,
    attempts: int = 3,
    on: tuple[type[Exception], ...] = (Exception,),
    base_delay: float = 0.1,
    factor: float = 2.0,
    max_delay: float = 5.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """``retry`` for coroutine functions: the wrapper is ``async`` and never blocks the loop."""
    # BEGIN SOLUTION Task 3: return the async decorator
    delays = backoff_delays(attempts, base_delay, factor, max_delay)

    def decorator(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(func)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for delay in delays:
                try:
                    return await func(*args, **kwargs)
                except on:
                    await sleep(delay)  # time.sleep here would freeze every other task
            return await func(*args, **kwargs)

        return wrapper

    return decorator
    # END SOLUTION

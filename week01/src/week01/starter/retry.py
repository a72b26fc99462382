"""Exercise 3: a retry decorator with exponential backoff and exception filtering.

``@retry(attempts=4, on=(ConnectionError,), base_delay=0.1)`` calls the function up to 4 times.
Between attempts it sleeps ``base_delay * factor ** (n - 1)`` after the n-th failure, capped at
``max_delay`` (0.1, 0.2, 0.4 ... seconds). Only the ``on`` exceptions are retried; any other error
propagates at once. When the last attempt fails, its exception propagates unchanged.
``sleep`` is a parameter so tests (and async code) can replace ``time.sleep``.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def backoff_delays(
    attempts: int, base_delay: float, factor: float, max_delay: float
) -> list[float]:
    """The sleeps between ``attempts`` calls: ``attempts - 1`` values."""
    raise NotImplementedError("TODO: base_delay * factor**n, capped at max_delay")


def retry(
    *,
    attempts: int = 3,
    on: tuple[type[Exception], ...] = (Exception,),
    base_delay: float = 0.1,
    factor: float = 2.0,
    max_delay: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Retry the decorated function; see the module docstring. ``ValueError`` for bad settings."""
    raise NotImplementedError("TODO: raise ValueError for bad settings")

    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)  # keep __name__, __doc__ and __wrapped__
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            raise NotImplementedError("TODO: call func; on an `on` error sleep, retry")

        return wrapper

    return decorator

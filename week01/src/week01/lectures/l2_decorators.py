"""Lecture 2: decorators demystified.

``@decorator`` above ``def f`` is just ``f = decorator(f)``: a function that takes a function and
returns a replacement. ``functools.wraps`` copies the name, docstring and signature information;
``ParamSpec`` tells mypy the wrapper takes exactly the parameters of the wrapped function.
FastAPI's ``@app.get("/")`` is a decorator with arguments: a function that returns a decorator.

Run: uv run python -m week01.lectures.l2_decorators
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def timed(report: Callable[[str, float], None]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Call ``report(name, seconds)`` after every call of the decorated function."""

    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:  # report failed calls too
                report(func.__name__, time.perf_counter() - start)

        return wrapper

    return decorator


def retry(
    attempts: int, on: tuple[type[Exception], ...]
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Call again when one of the ``on`` exceptions is raised, up to ``attempts`` calls in all.

    (The week's exercise adds backoff between attempts.)
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")

    def decorator(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except on:
                    if attempt == attempts:
                        raise  # out of attempts: the caller sees the real error
            raise AssertionError("unreachable")  # the loop always returns or raises

        return wrapper

    return decorator


def shout(func: Callable[P, str]) -> Callable[P, str]:
    """The simplest decorator, without ``wraps``, to show what gets lost."""

    def wrapper(*args: P.args, **kwargs: P.kwargs) -> str:
        return func(*args, **kwargs).upper()

    return wrapper


timings: list[tuple[str, float]] = []


@timed(lambda name, seconds: timings.append((name, seconds)))
def add(a: int, b: int = 0) -> int:
    """Add two numbers."""
    return a + b


@shout
def hello(name: str) -> str:
    return f"hello {name}"


def main() -> None:
    print(
        "add(2, b=3)             ->",
        add(2, b=3),
        "timings:",
        [(n, f"{s * 1e6:.1f} us") for n, s in timings],
    )
    print("add keeps its identity  ->", add.__name__, "|", add.__doc__)
    print("hello lost its identity ->", hello.__name__, "(no functools.wraps)")
    print("hello('ada')            ->", hello("ada"))
    calls: list[int] = []

    @retry(attempts=3, on=(ConnectionError,))
    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError("try again")
        return "ok"

    print("flaky() with retry      ->", flaky(), f"after {len(calls)} calls")


if __name__ == "__main__":
    main()

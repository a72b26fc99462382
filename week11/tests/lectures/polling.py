"""Waiting for what a worker does in another process: poll with a deadline, never sleep blindly."""

from __future__ import annotations

import time
from collections.abc import Callable

import redis


def wait_until(check: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"condition not met within {timeout} s"
        time.sleep(0.02)


def wait_for_key(r: redis.Redis, key: str, timeout: float = 20) -> str:
    """The value of ``key`` once a task has set it."""
    wait_until(lambda: r.exists(key) == 1, timeout)
    return str(r.get(key))

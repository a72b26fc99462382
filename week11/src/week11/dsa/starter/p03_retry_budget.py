"""Problem 3: how many retries fit before a deadline (capped exponential backoff, binary search)."""

from __future__ import annotations


def retries_before(deadline: int, base: int, cap: int) -> int:
    """How many retries start at or before ``deadline`` seconds after a first attempt at 0, the
    i-th retry waiting ``min(cap, base * 2 ** (i - 1))`` seconds after the previous attempt."""

    raise NotImplementedError("TODO: when the k-th retry starts, binary search on k")

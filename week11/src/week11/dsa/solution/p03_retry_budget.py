"""Problem 3: how many retries fit before a deadline (capped exponential backoff, binary search)."""

from __future__ import annotations


def retries_before(deadline: int, base: int, cap: int) -> int:
    """How many retries start at or before ``deadline`` seconds after a first attempt at 0, the
    i-th retry waiting ``min(cap, base * 2 ** (i - 1))`` seconds after the previous attempt."""

    # BEGIN SOLUTION when the k-th retry starts, binary search on k
    doubling = 0  # the retries whose wait is still below the cap
    while base << doubling < cap:
        doubling += 1

    def start(k: int) -> int:
        """When the k-th retry starts: doubling waits, then waits of cap."""
        if k <= doubling:
            return base * ((1 << k) - 1)
        return base * ((1 << doubling) - 1) + (k - doubling) * cap

    low, high = 0, doubling + deadline // cap + 1  # start(high) > deadline: every wait is >= 1
    while low < high:
        middle = (low + high + 1) // 2
        if start(middle) <= deadline:
            low = middle  # the middle-th retry fits: the answer is middle or more
        else:
            high = middle - 1
    return low
    # END SOLUTION

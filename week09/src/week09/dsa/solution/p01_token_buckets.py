"""Problem 1: a token bucket per client (a hash map of small states)."""

from __future__ import annotations


def allow_requests(requests: list[tuple[int, str]], capacity: int, interval: int) -> list[bool]:
    """Whether each request ``(second, client)``, in time order, gets a token from its client's
    bucket: ``capacity`` tokens, full at first, one more at every multiple of ``interval``."""
    # BEGIN SOLUTION one small state per client in a dict
    buckets: dict[str, tuple[int, int]] = {}
    answers: list[bool] = []
    for second, client in requests:
        tokens, last = buckets.get(client, (capacity, second))
        # the refills between the two requests: multiples of interval in (last, second]
        tokens = min(capacity, tokens + second // interval - last // interval)
        allowed = tokens > 0
        buckets[client] = (tokens - 1 if allowed else tokens, second)
        answers.append(allowed)
    return answers
    # END SOLUTION

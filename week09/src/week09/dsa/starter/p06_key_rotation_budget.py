"""Problem 6: the smallest nightly budget for a key rotation (binary search on the answer)."""

from __future__ import annotations


def smallest_budget(costs: list[int], nights: int) -> int:
    """The smallest nightly budget that re-encrypts every record, in order, in at most ``nights``
    nights, each night a run of records whose costs add up to at most the budget."""

    raise NotImplementedError("TODO: binary search on the budget, nights counted greedily")

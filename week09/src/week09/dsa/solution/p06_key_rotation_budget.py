"""Problem 6: the smallest nightly budget for a key rotation (binary search on the answer)."""

from __future__ import annotations


def smallest_budget(costs: list[int], nights: int) -> int:
    """The smallest nightly budget that re-encrypts every record, in order, in at most ``nights``
    nights, each night a run of records whose costs add up to at most the budget."""

    # BEGIN SOLUTION binary search on the budget, nights counted greedily
    def nights_needed(budget: int) -> int:
        used, tonight = 1, 0
        for cost in costs:
            if tonight + cost > budget:
                used, tonight = used + 1, 0
            tonight += cost
        return used

    low, high = max(costs), sum(costs)  # high always fits: everything in one night
    while low < high:
        middle = (low + high) // 2
        if nights_needed(middle) <= nights:
            high = middle  # fits: the answer is middle or smaller
        else:
            low = middle + 1
    return low
    # END SOLUTION

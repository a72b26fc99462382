"""Problem 2: a feature flag's value at any past time (a hash map of sorted histories, binary
search)."""

from __future__ import annotations

import bisect
from collections import defaultdict


class FlagHistory:
    """The changes of feature flags, recorded in time order, and their value at any time."""

    def __init__(self) -> None:
        # BEGIN SOLUTION per flag: its change times, its values
        self.times: dict[str, list[int]] = defaultdict(list)
        self.values: dict[str, list[str]] = defaultdict(list)
        # END SOLUTION

    def set(self, flag: str, value: str, at: int) -> None:
        """``flag`` takes ``value`` at time ``at`` (never earlier than the previous call's)."""
        # BEGIN SOLUTION append: the calls come in time order
        self.times[flag].append(at)
        self.values[flag].append(value)
        # END SOLUTION

    def value_at(self, flag: str, at: int) -> str | None:
        """The value ``flag`` had at time ``at``: the last one set at or before it, else None."""
        # BEGIN SOLUTION the last change at or before the time
        times = self.times.get(flag)
        if times is None:  # .get: looking up never creates a history
            return None
        index = bisect.bisect_right(times, at)  # the changes at or before ``at`` come first
        return self.values[flag][index - 1] if index else None
        # END SOLUTION

"""Problem 2: a feature flag's value at any past time (a hash map of sorted histories, binary
search)."""

from __future__ import annotations

import bisect
from collections import defaultdict


class FlagHistory:
    """The changes of feature flags, recorded in time order, and their value at any time."""

    def __init__(self) -> None:
        raise NotImplementedError("TODO: per flag: its change times, its values")

    def set(self, flag: str, value: str, at: int) -> None:
        """``flag`` takes ``value`` at time ``at`` (never earlier than the previous call's)."""
        raise NotImplementedError("TODO: append: the calls come in time order")

    def value_at(self, flag: str, at: int) -> str | None:
        """The value ``flag`` had at time ``at``: the last one set at or before it, else None."""
        raise NotImplementedError("TODO: the last change at or before the time")

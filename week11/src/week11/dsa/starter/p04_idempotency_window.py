"""Problem 4: deduplicating a message stream within a window (a hash map and a queue)."""

from __future__ import annotations

from collections import deque


class Deduplicator:
    """Delivers a message unless a message with the same key was delivered less than ``window``
    seconds before; remembers only the keys delivered within the window."""

    def __init__(self, window: int) -> None:
        self.window = window
        raise NotImplementedError("TODO: a dict of delivery times, a queue in delivery order")

    def accept(self, second: int, key: str) -> bool:
        """Whether the message ``key`` arriving at ``second`` (never earlier than the previous
        one) is delivered."""
        raise NotImplementedError("TODO: forget what left the window, then look the key up")

    def __len__(self) -> int:
        """How many keys are remembered (delivered within the window, as of the last message)."""
        raise NotImplementedError("TODO: the size of the dict")

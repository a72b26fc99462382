"""Problem 4: deduplicating a message stream within a window (a hash map and a queue)."""

from __future__ import annotations

from collections import deque


class Deduplicator:
    """Delivers a message unless a message with the same key was delivered less than ``window``
    seconds before; remembers only the keys delivered within the window."""

    def __init__(self, window: int) -> None:
        self.window = window
        # BEGIN SOLUTION a dict of delivery times, a queue in delivery order
        self.delivered: dict[str, int] = {}
        self.order: deque[tuple[int, str]] = deque()
        # END SOLUTION

    def accept(self, second: int, key: str) -> bool:
        """Whether the message ``key`` arriving at ``second`` (never earlier than the previous
        one) is delivered."""
        # BEGIN SOLUTION forget what left the window, then look the key up
        while self.order and self.order[0][0] <= second - self.window:
            _, old = self.order.popleft()
            del self.delivered[old]  # delivered at least window seconds ago: forgotten
        if key in self.delivered:
            return False
        self.delivered[key] = second
        self.order.append((second, key))
        return True
        # END SOLUTION

    def __len__(self) -> int:
        """How many keys are remembered (delivered within the window, as of the last message)."""
        # BEGIN SOLUTION the size of the dict
        return len(self.delivered)
        # END SOLUTION

"""Problem 1: balanced brackets in a config template (a stack)."""

from __future__ import annotations

PAIRS = {")": "(", "]": "[", "}": "{"}


def is_balanced(text: str) -> bool:
    """Whether every bracket ``()[]{}`` in ``text`` is closed, by the right kind, in order."""
    # BEGIN SOLUTION check the brackets with a stack of the open ones
    opened: list[str] = []
    for char in text:
        if char in "([{":
            opened.append(char)
        elif char in PAIRS and (not opened or opened.pop() != PAIRS[char]):
            return False
    return not opened
    # END SOLUTION

"""Problem 1: balanced brackets in a config template (a stack)."""

from __future__ import annotations

PAIRS = {")": "(", "]": "[", "}": "{"}


def is_balanced(text: str) -> bool:
    """Whether every bracket ``()[]{}`` in ``text`` is closed, by the right kind, in order."""
    raise NotImplementedError("TODO: check the brackets with a stack of the open ones")

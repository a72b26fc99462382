"""The exercises' exception hierarchy (given: lecture 2 explains the pattern)."""

from __future__ import annotations


class InventoryError(Exception):
    """Base of every error the inventory code raises on purpose."""


class NotFoundError(InventoryError):
    """A SKU (or other key) that does not exist."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key!r} not found")
        self.key = key


class ConflictError(InventoryError):
    """The request contradicts the current state, e.g. ordering more than is in stock."""


class ValidationError(InventoryError):
    """A value breaks a data rule; ``field`` names the offending field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

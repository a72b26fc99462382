"""The exercises' exception hierarchy (lecture 2 explains the pattern; the constructors that
store the data a handler needs are yours: ``NotFoundError`` in task 1, ``ValidationError`` in
task 2)."""

from __future__ import annotations


class InventoryError(Exception):
    """Base of every error the inventory code raises on purpose."""


class NotFoundError(InventoryError):
    """A SKU (or other key) that does not exist: ``.key``, and the message ``'KB-101' not found``."""

    def __init__(self, key: str) -> None:
        raise NotImplementedError("TODO: Task 1: the message, and keep the key")


class ConflictError(InventoryError):
    """The request contradicts the current state, e.g. ordering more than is in stock."""


class ValidationError(InventoryError):
    """A value breaks a data rule: ``.field`` and ``.problem``, and the message ``field: problem``."""

    def __init__(self, field: str, problem: str) -> None:
        raise NotImplementedError("TODO: Task 2: the message, and keep field and problem")

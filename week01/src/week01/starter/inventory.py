"""Exercise 1: typed inventory functions.

Stock files have one ``SKU, quantity`` pair per line; blank lines and ``#`` comments are ignored.
Every function must pass ``mypy --strict`` (a test runs it on this module).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeAlias, TypeVar

from .errors import ConflictError, NotFoundError

Sku: TypeAlias = str
Stock: TypeAlias = dict[Sku, int]
Order: TypeAlias = tuple[Sku, int]

T = TypeVar("T")
K = TypeVar("K")


def parse_stock_line(line: str) -> Order:
    """``"KB-101, 5"`` -> ``("KB-101", 5)``; otherwise a ``ValueError`` naming the problem: not
    "SKU, quantity", not a "whole number", or "negative"."""
    raise NotImplementedError("TODO: Task 1: (sku, quantity), or ValueError naming the problem")


def load_stock(lines: Iterable[str]) -> Stock:
    """Parse stock lines, summing repeated SKUs; errors say ``line N: <problem>``."""
    raise NotImplementedError("TODO: Task 1: the stock; errors prefixed with the line number")


def low_stock(stock: Mapping[Sku, int], threshold: int) -> list[Sku]:
    """SKUs with quantity below ``threshold``, lowest quantity first, ties by SKU."""
    raise NotImplementedError("TODO: Task 1: the SKUs below threshold, lowest first")


def apply_orders(stock: Mapping[Sku, int], orders: Iterable[Order]) -> Stock:
    """Stock after the orders, as a NEW dict (the input is not changed).

    Raises ``NotFoundError`` for an unknown SKU and ``ConflictError`` when an order asks for more
    than is left; then no order is applied at all.
    """
    raise NotImplementedError("TODO: Task 1: the new stock; all orders or none")


def first_match(items: Iterable[T], predicate: Callable[[T], bool]) -> T | None:
    """The first item for which ``predicate`` is true, or None (works for any item type)."""
    raise NotImplementedError("TODO: Task 1: the first matching item, or None")


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Items grouped by ``key(item)``, keeping their order inside each group."""
    raise NotImplementedError("TODO: Task 1: the groups, in input order")

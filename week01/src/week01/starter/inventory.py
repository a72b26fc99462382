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
    """``"KB-101, 5"`` -> ``("KB-101", 5)``; ``ValueError`` naming the problem otherwise."""
    raise NotImplementedError("TODO: split on ',', strip, int() the quantity")


def load_stock(lines: Iterable[str]) -> Stock:
    """Parse stock lines, summing repeated SKUs; errors say ``line N: <problem>``."""
    raise NotImplementedError("TODO: skip blanks and #-lines; sum repeated SKUs")


def low_stock(stock: Mapping[Sku, int], threshold: int) -> list[Sku]:
    """SKUs with quantity below ``threshold``, lowest quantity first, ties by SKU."""
    raise NotImplementedError("TODO: quantity < threshold, sorted by (qty, sku)")


def apply_orders(stock: Mapping[Sku, int], orders: Iterable[Order]) -> Stock:
    """Stock after the orders, as a NEW dict (the input is not changed).

    Raises ``NotFoundError`` for an unknown SKU and ``ConflictError`` when an order asks for more
    than is left; then no order is applied at all.
    """
    raise NotImplementedError("TODO: copy, subtract each order, raise on bad orders")


def first_match(items: Iterable[T], predicate: Callable[[T], bool]) -> T | None:
    """The first item for which ``predicate`` is true, or None (works for any item type)."""
    raise NotImplementedError("TODO: the first item matching predicate, else None")


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Items grouped by ``key(item)``, keeping their order inside each group."""
    raise NotImplementedError("TODO: build {key(item): [items...]} in input order")

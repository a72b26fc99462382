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
    # BEGIN SOLUTION Task 1: (sku, quantity), or ValueError naming the problem
    parts = [part.strip() for part in line.split(",")]
    if len(parts) != 2 or not parts[0]:
        raise ValueError(f"expected 'SKU, quantity', got {line.strip()!r}")
    sku, raw_quantity = parts
    try:
        quantity = int(raw_quantity)
    except ValueError:
        raise ValueError(f"quantity must be a whole number, got {raw_quantity!r}") from None
    if quantity < 0:
        raise ValueError(f"quantity must not be negative, got {quantity}")
    return sku, quantity
    # END SOLUTION


def load_stock(lines: Iterable[str]) -> Stock:
    """Parse stock lines, summing repeated SKUs; errors say ``line N: <problem>``."""
    # BEGIN SOLUTION Task 1: the stock; errors prefixed with the line number
    stock: Stock = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            sku, quantity = parse_stock_line(line)
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from exc
        stock[sku] = stock.get(sku, 0) + quantity
    return stock
    # END SOLUTION


def low_stock(stock: Mapping[Sku, int], threshold: int) -> list[Sku]:
    """SKUs with quantity below ``threshold``, lowest quantity first, ties by SKU."""
    # BEGIN SOLUTION Task 1: the SKUs below threshold, lowest first
    return sorted(
        (sku for sku, qty in stock.items() if qty < threshold), key=lambda s: (stock[s], s)
    )
    # END SOLUTION


def apply_orders(stock: Mapping[Sku, int], orders: Iterable[Order]) -> Stock:
    """Stock after the orders, as a NEW dict (the input is not changed).

    Raises ``NotFoundError`` for an unknown SKU and ``ConflictError`` when an order asks for more
    than is left; then no order is applied at all.
    """
    # BEGIN SOLUTION Task 1: the new stock; all orders or none
    result = dict(stock)
    for sku, quantity in orders:
        if sku not in result:
            raise NotFoundError(sku)
        if quantity > result[sku]:
            raise ConflictError(f"{sku}: ordered {quantity}, only {result[sku]} left")
        result[sku] -= quantity
    return result
    # END SOLUTION


def first_match(items: Iterable[T], predicate: Callable[[T], bool]) -> T | None:
    """The first item for which ``predicate`` is true, or None (works for any item type)."""
    # BEGIN SOLUTION Task 1: the first matching item, or None
    return next((item for item in items if predicate(item)), None)
    # END SOLUTION


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Items grouped by ``key(item)``, keeping their order inside each group."""
    # BEGIN SOLUTION Task 1: the groups, in input order
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
    # END SOLUTION

"""Exercise 2 (import): load a product catalog from CSV and report every bad row at once.

The first line is the header ``sku,name,price_cents,quantity,tags``; every further line is one
product (``tags`` separated by spaces, possibly none; blank lines are skipped). A bad header
raises ``ValidationError("header", ...)`` at once. A bad row does not stop the import: its error
(``ValidationError("row", ...)`` for a wrong number of columns, ``ValidationError(column, ...)``
for a price or quantity that is not a whole number, the errors of ``Product``, and a
``ConflictError`` naming the SKU for one seen before) gets the note
``line N`` (``add_note``; the header is line 1), and at the end all of them are raised together
as ``ExceptionGroup("invalid catalog", errors)``, so the caller can report every problem in one go.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from .errors import ConflictError, InventoryError, ValidationError
from .product import Product

COLUMNS = ("sku", "name", "price_cents", "quantity", "tags")


def whole_number(column: str, text: str) -> int:
    """``int(text)``, or ``ValidationError(column, ...)`` showing ``text`` when it is not a whole
    number."""
    # BEGIN SOLUTION Task 2: the whole number, or a ValidationError
    try:
        return int(text)
    except ValueError:
        raise ValidationError(column, f"must be a whole number, got {text!r}") from None
    # END SOLUTION


def parse_row(row: list[str]) -> Product:
    """One CSV row (a list of cells in ``COLUMNS`` order) as a ``Product``."""
    # BEGIN SOLUTION Task 2: one row as a Product
    if len(row) != len(COLUMNS):
        raise ValidationError("row", f"expected {len(COLUMNS)} columns, got {len(row)}")
    sku, name, price_cents, quantity, tags = row
    return Product(
        sku,
        name,
        price_cents=whole_number("price_cents", price_cents),
        quantity=whole_number("quantity", quantity),
        tags=frozenset(tags.split()),
    )
    # END SOLUTION


def load_catalog(lines: Iterable[str]) -> dict[str, Product]:
    """The catalog's products by SKU; see the module docstring for the errors."""
    # BEGIN SOLUTION Task 2: the products, or one ExceptionGroup of every bad row
    rows = csv.reader(lines)
    header = next(rows, None)
    if header is None or [cell.strip() for cell in header] != list(COLUMNS):
        raise ValidationError("header", f"expected {','.join(COLUMNS)}, got {header!r}")
    products: dict[str, Product] = {}
    errors: list[Exception] = []
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        try:
            product = parse_row(row)
            if product.sku in products:
                raise ConflictError(f"duplicate sku {product.sku!r}")
        except InventoryError as exc:
            exc.add_note(f"line {rows.line_num}")
            errors.append(exc)
        else:
            products[product.sku] = product
    if errors:
        raise ExceptionGroup("invalid catalog", errors)
    return products
    # END SOLUTION

"""Lecture 2: code to test with plain pytest (tests: tests/lectures/test_l2_pytest_basics.py).

Why test? Confidence (it works today), refactoring safety (it still works after you change it)
and documentation (a test is an example that cannot go out of date). pytest needs no classes and
no special asserts: a function named ``test_*`` with a plain ``assert``, which pytest rewrites to
show both sides when it fails.

Run: ``uv run python -m week02.lectures.l2_pytest_basics``
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal


def slugify(title: str) -> str:
    """``"Héllo, World!"`` -> ``"hello-world"``: lower-case ASCII words joined by dashes."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if not words:
        raise ValueError(f"nothing to make a slug from in {title!r}")
    return "-".join(words)


@dataclass
class PriceBook:
    """Prices by product; the object the fixtures in the tests build."""

    prices: dict[str, Decimal] = field(default_factory=dict)

    def add(self, product: str, price: Decimal) -> None:
        if price <= 0:
            raise ValueError(f"price of {product} must be positive, got {price}")
        self.prices[product] = price

    def total(self, products: list[str]) -> Decimal:
        return sum((self.prices[p] for p in products), Decimal(0))


def main() -> None:
    print(slugify("Héllo, World! Testing 101"))
    book = PriceBook()
    book.add("coffee", Decimal("3.20"))
    book.add("cake", Decimal("4.50"))
    print(f"coffee + cake = {book.total(['coffee', 'cake'])}")
    print("Run the tests: uv run pytest week02/tests/lectures/test_l2_pytest_basics.py -v")


if __name__ == "__main__":
    main()

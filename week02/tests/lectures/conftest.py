"""Fixtures shared by every test in tests/lectures/ (pytest finds conftest.py by itself).

A fixture is set-up code a test asks for by naming it as a parameter. Its scope says how long one
instance lives: "function" (default, a fresh one per test), "module", "session" (one per run).
Share only what is expensive AND never modified; anything a test changes must be per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from week02.lectures.l2_pytest_basics import PriceBook

# How often each fixture below ran: the tests read it to prove what the scopes mean.
CREATED = {"catalogue": 0, "price_book": 0}


@pytest.fixture(scope="session")
def catalogue() -> dict[str, Decimal]:
    """Imagine this read a large file: build it once per test session and never modify it."""
    CREATED["catalogue"] += 1
    return {"coffee": Decimal("3.20"), "cake": Decimal("4.50"), "tea": Decimal("2.10")}


@pytest.fixture
def price_book(catalogue: dict[str, Decimal]) -> Iterator[PriceBook]:
    """A fresh, filled price book for every test (fixtures can use other fixtures)."""
    CREATED["price_book"] += 1
    book = PriceBook()
    for product, price in catalogue.items():
        book.add(product, price)
    yield book  # code after yield is teardown: it runs when the test is done, pass or fail
    book.prices.clear()

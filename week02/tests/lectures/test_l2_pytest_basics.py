"""pytest fundamentals: test functions, plain asserts, parametrize, raises, fixtures and scopes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from week02.lectures.l2_pytest_basics import PriceBook, slugify

from .conftest import CREATED


def test_slugify_lowercases_and_joins_words_with_dashes() -> None:
    assert slugify("Hello World") == "hello-world"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello World", "hello-world"),
        ("  many   spaces  ", "many-spaces"),
        ("Héllo, Wörld!", "hello-world"),
        ("Python 3.14 is out", "python-3-14-is-out"),
    ],
)
def test_slugify_examples(title: str, slug: str) -> None:
    """One test function, four test cases: each shows up (and fails) on its own."""
    assert slugify(title) == slug


def test_slugify_rejects_titles_without_letters_or_digits() -> None:
    with pytest.raises(ValueError, match="nothing to make a slug from"):
        slugify("!!!")


def test_price_book_totals_a_basket(price_book: PriceBook) -> None:
    assert price_book.total(["coffee", "cake"]) == Decimal("7.70")


def test_price_book_rejects_a_free_product(price_book: PriceBook) -> None:
    with pytest.raises(ValueError, match="must be positive"):
        price_book.add("water", Decimal(0))


def test_each_test_gets_a_fresh_function_scoped_fixture(price_book: PriceBook) -> None:
    price_book.add("scone", Decimal("2.80"))  # changes this test's book only

    assert len(price_book.prices) == 4


def test_a_function_scoped_fixture_is_never_shared(price_book: PriceBook) -> None:
    assert "scone" not in price_book.prices  # whichever of these two tests runs first


def test_a_session_scoped_fixture_is_built_once(catalogue: dict[str, Decimal]) -> None:
    assert CREATED["catalogue"] == 1

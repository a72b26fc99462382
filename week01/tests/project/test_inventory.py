"""Task 1: typed inventory functions."""

from pathlib import Path

import pytest
from week01.lectures.l1_running_mypy import run_mypy

from testkit import impl_module

inventory = impl_module("week01", "inventory")
errors = impl_module("week01", "errors")


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_parse_stock_line() -> None:
    assert inventory.parse_stock_line("KB-101, 5") == ("KB-101", 5)
    assert inventory.parse_stock_line("  MS-2 ,0\n") == ("MS-2", 0)


@pytest.mark.task(1)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("KB-101", "SKU, quantity"),
        ("KB-101, five", "whole number"),
        ("KB-101, -1", "negative"),
        (", 3", "SKU"),
    ],
)
def test_parse_stock_line_names_the_problem(line: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        inventory.parse_stock_line(line)


@pytest.mark.task(1)
@pytest.mark.points(2)
def test_load_stock_sums_skips_and_reports_line_numbers() -> None:
    lines = ["# sku, quantity", "KB-101, 5", "", "MS-2, 1", "KB-101, 2"]
    assert inventory.load_stock(lines) == {"KB-101": 7, "MS-2": 1}
    with pytest.raises(ValueError, match="line 3: "):
        inventory.load_stock(["KB-101, 5", "", "oops"])


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_low_stock_sorted_by_quantity_then_sku() -> None:
    stock = {"C-1": 1, "A-1": 3, "B-1": 1, "D-1": 9}
    assert inventory.low_stock(stock, 5) == ["B-1", "C-1", "A-1"]
    assert inventory.low_stock(stock, 1) == []


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_not_found_error_carries_the_key() -> None:
    error = errors.NotFoundError("KB-101")
    assert isinstance(error, errors.InventoryError)
    assert (error.key, str(error)) == ("KB-101", "'KB-101' not found")


@pytest.mark.task(1)
@pytest.mark.points(2)
def test_apply_orders_returns_a_new_stock_and_is_all_or_nothing() -> None:
    stock = {"KB-101": 5, "MS-2": 1}
    assert inventory.apply_orders(stock, [("KB-101", 2), ("MS-2", 1)]) == {"KB-101": 3, "MS-2": 0}
    assert stock == {"KB-101": 5, "MS-2": 1}
    with pytest.raises(errors.NotFoundError) as missing:
        inventory.apply_orders(stock, [("XX-999", 1)])
    assert missing.value.key == "XX-999"
    with pytest.raises(errors.ConflictError, match="only 1 left"):
        inventory.apply_orders(stock, [("KB-101", 1), ("MS-2", 2)])
    assert stock == {"KB-101": 5, "MS-2": 1}


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_generic_helpers() -> None:
    assert inventory.first_match([1, 4, 6], lambda n: n % 2 == 0) == 4
    assert inventory.first_match(["a"], lambda s: s == "b") is None
    words = ["apple", "avocado", "banana"]
    assert inventory.group_by(words, lambda w: w[0]) == {"a": ["apple", "avocado"], "b": ["banana"]}
    assert inventory.group_by([], len) == {}


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_inventory_module_passes_mypy_strict(mypy_cache: Path) -> None:
    path = Path(str(inventory.__file__))
    assert run_mypy(path, cache_dir=mypy_cache) == []

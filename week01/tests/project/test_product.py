"""Task 2: a validated dataclass."""

import dataclasses

import pytest

from testkit import impl_module

product = impl_module("week01", "product")
errors = impl_module("week01", "errors")
Product = product.Product


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_validation_error_carries_field_and_problem() -> None:
    error = errors.ValidationError("price_cents", "must be > 0")
    assert isinstance(error, errors.InventoryError)
    assert (error.field, error.problem, str(error)) == (
        "price_cents",
        "must be > 0",
        "price_cents: must be > 0",
    )


@pytest.mark.task(2)
@pytest.mark.points(2)
def test_valid_product_is_normalised() -> None:
    item = Product(" kb-101 ", "  Keyboard ", 4999, quantity=3, tags={" Office", "office", "USB"})
    assert (item.sku, item.name, item.price_cents, item.quantity) == ("KB-101", "Keyboard", 4999, 3)
    assert item.tags == frozenset({"office", "usb"})
    assert Product("MS-200", "Mouse", 1).tags == frozenset()


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"sku": "KB101"}, "sku"),
        ({"sku": "K-101"}, "sku"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"price_cents": 0}, "price_cents"),
        ({"price_cents": True}, "price_cents"),
        ({"price_cents": 9.99}, "price_cents"),
        ({"quantity": -1}, "quantity"),
        ({"tags": {"ok", " "}}, "tags"),
    ],
)
def test_invalid_fields_raise_validation_error(kwargs: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"sku": "KB-101", "name": "Keyboard", "price_cents": 4999} | kwargs
    with pytest.raises(errors.ValidationError) as error:
        Product(**values)
    assert error.value.field == field


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_product_is_frozen_and_slotted() -> None:
    item = Product("KB-101", "Keyboard", 4999)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.quantity = 5
    assert not hasattr(item, "__dict__")
    assert item == Product("kb-101", "Keyboard ", 4999)
    assert hash(item) == hash(Product("KB-101", "Keyboard", 4999))


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_restocked_returns_a_new_product() -> None:
    item = Product("KB-101", "Keyboard", 4999, quantity=2)
    assert item.restocked(3).quantity == 5
    assert item.quantity == 2
    for bad in (0, -1):
        with pytest.raises(errors.ValidationError) as error:
            item.restocked(bad)
        assert error.value.field == "amount"

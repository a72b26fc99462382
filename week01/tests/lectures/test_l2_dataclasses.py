import dataclasses

import pytest
from week01.lectures.l2_dataclasses import Money, Task


def test_post_init_normalises_and_validates() -> None:
    assert Task("  write tests ").title == "write tests"
    with pytest.raises(ValueError, match="blank"):
        Task("   ")
    with pytest.raises(ValueError, match="priority"):
        Task("x", priority=0)


def test_default_factory_gives_each_instance_its_own_list() -> None:
    first, second = Task("a"), Task("b")
    first.tags.append("urgent")
    assert second.tags == []


def test_field_can_leave_equality() -> None:
    assert Task("a", id=1) == Task("a", id=2)


def test_frozen_is_immutable_and_hashable() -> None:
    price = Money(1999, "eur")
    assert price.currency == "EUR"
    with pytest.raises(dataclasses.FrozenInstanceError):
        price.amount_cents = 0  # type: ignore[misc]
    assert {price: "ok"}[Money(1999)] == "ok"
    assert dataclasses.replace(price, amount_cents=1) == Money(1)


def test_slots_reject_unknown_attributes() -> None:
    assert not hasattr(Money(1), "__dict__")
    with pytest.raises((AttributeError, TypeError)):
        object.__setattr__(Money(1), "amount", 5)


def test_value_object_behaviour() -> None:
    assert Money(100) + Money(50) == Money(150)
    with pytest.raises(ValueError, match="currencies"):
        Money(1, "EUR") + Money(1, "USD")
    with pytest.raises(ValueError, match="3-letter"):
        Money(1, "EURO")

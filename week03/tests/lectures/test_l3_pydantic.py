"""Lecture 3 claims, checked."""

from datetime import date

import pytest
from week03.lectures import l3_pydantic as l3


def test_parsing_strips_and_coerces() -> None:
    user = l3.UserCreate.model_validate(l3.SIGNUP)

    assert user.username == "ada"
    assert user.age == 36
    assert user.addresses[0].city == "London"


def test_constraints_and_nested_errors_are_all_reported() -> None:
    bad = {**l3.SIGNUP, "age": 7, "username": "Ab", "addresses": [{"city": "X", "postcode": "1"}]}

    assert l3.errors_of(l3.UserCreate, bad) == [
        (("username",), "string_too_short"),
        (("age",), "greater_than_equal"),
        (("addresses", 0, "postcode"), "string_pattern_mismatch"),
    ]


def test_validators() -> None:
    assert l3.errors_of(l3.UserCreate, {**l3.SIGNUP, "username": "root"}) == [
        (("username",), "value_error")
    ]
    assert l3.errors_of(l3.UserCreate, {**l3.SIGNUP, "password_confirm": "x"}) == [
        ((), "value_error")
    ]


def test_extra_fields_are_forbidden() -> None:
    assert l3.errors_of(l3.UserCreate, {**l3.SIGNUP, "is_admin": True}) == [
        (("is_admin",), "extra_forbidden")
    ]


def test_response_model_reads_attributes_and_has_no_password() -> None:
    row = l3.StoredUser(
        id=1, joined=date(2026, 1, 5), username="ada", email="ada@example.com", age=36,
        addresses=[], password="secret secret",  # noqa: S106
    )  # fmt: skip

    read = l3.UserRead.model_validate(row)

    assert "password" not in read.model_dump()
    assert "password" not in l3.UserRead.model_json_schema()["properties"]
    assert read.model_dump(include={"id"}) == {"id": 1}
    assert read.model_dump(exclude={"addresses", "joined"}) == {
        "username": "ada", "email": "ada@example.com", "age": 36, "id": 1,
    }  # fmt: skip


def test_aliases_and_excluded_fields() -> None:
    product = l3.Product.model_validate({"productId": 7, "unitPrice": 2.5, "internal_note": "x"})

    assert product.product_id == 7
    assert product.model_dump() == {"productId": 7, "unitPrice": 2.5}
    assert product.model_dump(by_alias=False) == {"product_id": 7, "unit_price": 2.5}
    assert l3.Product(product_id=1, unit_price=1).unit_price == 1  # validate_by_name


def test_main(capsys: pytest.CaptureFixture[str]) -> None:
    l3.main()
    out = capsys.readouterr().out
    assert "password" not in out.split("response:")[1].splitlines()[0]

"""Task 2: importing a CSV catalog, every bad row reported at once."""

import pytest

from testkit import impl_module

catalog = impl_module("week01", "catalog")
errors = impl_module("week01", "errors")

HEADER = "sku,name,price_cents,quantity,tags"


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_whole_number() -> None:
    assert catalog.whole_number("quantity", " 12 ") == 12
    with pytest.raises(errors.ValidationError) as error:
        catalog.whole_number("price_cents", "49.99")
    assert error.value.field == "price_cents"
    assert "49.99" in error.value.problem  # the problem shows the bad value


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_parse_row() -> None:
    product = catalog.parse_row(["kb-101", "Keyboard", "4999", "3", "office  USB"])
    assert (product.sku, product.price_cents, product.quantity) == ("KB-101", 4999, 3)
    assert product.tags == frozenset({"office", "usb"})
    assert catalog.parse_row(["MS-200", "Mouse", "1", "0", ""]).tags == frozenset()
    with pytest.raises(errors.ValidationError) as error:
        catalog.parse_row(["MS-200", "Mouse", "1"])
    assert error.value.field == "row"
    assert "5 columns" in str(error.value)


@pytest.mark.task(2)
@pytest.mark.points(2)
def test_load_catalog() -> None:
    lines = [
        HEADER,
        'KB-101,"Keyboard, wireless",4999,3,office usb',
        "",
        "MS-200,Mouse,1999,0,",
    ]
    products = catalog.load_catalog(lines)
    assert list(products) == ["KB-101", "MS-200"]
    assert products["KB-101"].name == "Keyboard, wireless"
    assert products["MS-200"].tags == frozenset()


@pytest.mark.task(2)
@pytest.mark.points(3)
def test_every_bad_row_is_reported_with_its_line() -> None:
    lines = [
        HEADER,
        "KB-101,Keyboard,4999,3,",
        "MS-200,Mouse,cheap,0,",  # line 3: price is not a number
        "MS-201,Mouse,1999,",  # line 4: a column is missing
        "CB-301,Cable,250,-5,",  # line 5: Product refuses a negative quantity
        "kb-101,Keyboard again,4999,1,",  # line 6: the same SKU once normalised
        "HD-400,Headset,8999,2,audio",
    ]
    with pytest.raises(ExceptionGroup) as raised:
        catalog.load_catalog(lines)
    found = [
        (type(e).__name__, getattr(e, "field", None), e.__notes__) for e in raised.value.exceptions
    ]
    assert found == [
        ("ValidationError", "price_cents", ["line 3"]),
        ("ValidationError", "row", ["line 4"]),
        ("ValidationError", "quantity", ["line 5"]),
        ("ConflictError", None, ["line 6"]),
    ]
    assert "KB-101" in str(raised.value.exceptions[-1])
    assert raised.value.message == "invalid catalog"


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize("lines", [[], ["sku,name,price"], ["KB-101,Keyboard,4999,3,"]])
def test_a_bad_header_stops_the_import(lines: list[str]) -> None:
    with pytest.raises(errors.ValidationError) as error:
        catalog.load_catalog(lines)
    assert error.value.field == "header"

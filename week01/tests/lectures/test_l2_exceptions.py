import pytest
from week01.lectures import l2_error_handling as handling
from week01.lectures.l2_exceptions import (
    AppError,
    ConflictError,
    NotFoundError,
    UserDirectory,
    ValidationError,
    to_response,
)


def test_hierarchy_maps_to_http_responses() -> None:
    users = UserDirectory()
    users.add(1, "ada@example.com")
    with pytest.raises(AppError) as invalid:
        users.add(2, "nope")
    assert isinstance(invalid.value, ValidationError)
    assert to_response(invalid.value) == (
        422,
        {"code": "validation_error", "detail": "email: must contain @"},
    )
    with pytest.raises(ConflictError):
        users.add(3, "ada@example.com")
    with pytest.raises(NotFoundError) as missing:
        users.email(42)
    assert to_response(missing.value)[0] == 404
    assert missing.value.__cause__ is None
    assert missing.value.__suppress_context__  # `from None`


def test_try_else_finally_order() -> None:
    log: list[str] = []
    assert handling.load_port('{"port": 8000}', log) == 8000
    assert log == ["else", "finally"]


def test_raise_from_keeps_the_cause() -> None:
    log: list[str] = []
    with pytest.raises(handling.ConfigError) as error:
        handling.load_port("{port", log)
    assert type(error.value.__cause__).__name__ == "JSONDecodeError"
    assert log == ["except", "finally"]


def test_reraise_keeps_the_same_exception() -> None:
    log: list[str] = []
    original = KeyError("id")

    def fail() -> int:
        raise original

    with pytest.raises(KeyError) as error:
        handling.call_logged(fail, log)
    assert error.value is original
    assert log == ["failed: KeyError('id')"]


def test_exception_group_reports_every_problem() -> None:
    rows = [{"email": "a@x"}, {"email": "nope"}, {"email": "a@x"}, {}]
    with pytest.raises(ExceptionGroup) as group:
        handling.validate_users(rows)
    assert [type(e) for e in group.value.exceptions] == [
        ValidationError,
        ConflictError,
        ValidationError,
    ]
    assert handling.summarise(rows) == [
        "422 row 2.email: must contain @",
        "422 row 4.email: must contain @",
        "409 row 3: duplicate email 'a@x'",
    ]
    assert handling.summarise([{"email": "b@x"}]) == []

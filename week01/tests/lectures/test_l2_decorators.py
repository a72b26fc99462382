import inspect

import pytest
from week01.lectures import l2_decorators as l2


def test_decorator_syntax_is_just_a_call() -> None:
    def plain(name: str) -> str:
        return f"hi {name}"

    assert l2.shout(plain)("ada") == "HI ADA"


def test_wraps_keeps_the_identity_and_signature() -> None:
    assert l2.add.__name__ == "add"
    assert l2.add.__doc__ == "Add two numbers."
    assert str(inspect.signature(l2.add)) == "(a: 'int', b: 'int' = 0) -> 'int'"
    assert l2.hello.__name__ == "wrapper"  # without functools.wraps the name is lost


def test_timed_reports_every_call_even_failures() -> None:
    reports: list[str] = []

    @l2.timed(lambda name, seconds: reports.append(name) if seconds >= 0 else None)
    def fails() -> None:
        raise ValueError("nope")

    with pytest.raises(ValueError, match="nope"):
        fails()
    assert reports == ["fails"]


def test_retry_retries_only_the_listed_errors() -> None:
    calls: list[str] = []

    @l2.retry(attempts=3, on=(ConnectionError,))
    def flaky(kind: type[Exception]) -> str:
        calls.append(kind.__name__)
        raise kind("fail")

    with pytest.raises(ConnectionError):
        flaky(ConnectionError)
    assert calls == ["ConnectionError"] * 3
    calls.clear()
    with pytest.raises(KeyError):
        flaky(KeyError)
    assert calls == ["KeyError"]


def test_retry_returns_the_first_success() -> None:
    results: list[Exception | str] = [ConnectionError(), "ok"]

    @l2.retry(attempts=3, on=(ConnectionError,))
    def flaky() -> str:
        result = results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result

    assert flaky() == "ok"


def test_retry_needs_at_least_one_attempt() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        l2.retry(attempts=0, on=(ConnectionError,))

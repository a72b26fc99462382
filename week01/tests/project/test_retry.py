"""Task 3: retry with exponential backoff and exception filtering (no real sleeping)."""

from collections.abc import Callable

import pytest

from testkit import impl_module

retry_module = impl_module("week01", "retry")


def failing(times: int, error: Exception, calls: list[int]) -> Callable[[int], str]:
    """A function that raises ``error`` for its first ``times`` calls, then returns."""

    def operation(x: int) -> str:
        calls.append(x)
        if len(calls) <= times:
            raise error
        return f"done {x}"

    return operation


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_backoff_delays_grow_and_are_capped() -> None:
    assert retry_module.backoff_delays(5, 0.1, 2.0, 0.5) == pytest.approx([0.1, 0.2, 0.4, 0.5])
    assert retry_module.backoff_delays(1, 0.1, 2.0, 5.0) == []


@pytest.mark.task(3)
@pytest.mark.points(2)
def test_retries_with_backoff_until_success() -> None:
    calls: list[int] = []
    slept: list[float] = []
    decorate = retry_module.retry(
        attempts=4, on=(ConnectionError,), base_delay=0.5, sleep=slept.append
    )
    operation = decorate(failing(2, ConnectionError("down"), calls))
    assert operation(7) == "done 7"
    assert calls == [7, 7, 7]
    assert slept == [0.5, 1.0]


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_last_error_propagates_after_all_attempts() -> None:
    calls: list[int] = []
    slept: list[float] = []
    error = TimeoutError("slow")
    decorate = retry_module.retry(
        attempts=3, on=(TimeoutError,), base_delay=1, factor=3, sleep=slept.append
    )
    with pytest.raises(TimeoutError) as raised:
        decorate(failing(10, error, calls))(1)
    assert raised.value is error
    assert len(calls) == 3
    assert slept == [1, 3]


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_other_errors_are_not_retried() -> None:
    calls: list[int] = []
    slept: list[float] = []
    decorate = retry_module.retry(attempts=5, on=(ConnectionError,), sleep=slept.append)
    with pytest.raises(KeyError):
        decorate(failing(1, KeyError("bug"), calls))(1)
    assert calls == [1]
    assert slept == []


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_wrapper_keeps_name_and_docstring() -> None:
    def fetch_user(user_id: int) -> str:
        """Fetch one user."""
        return str(user_id)

    wrapped = retry_module.retry(sleep=lambda _: None)(fetch_user)
    assert wrapped.__name__ == "fetch_user"
    assert wrapped.__doc__ == "Fetch one user."
    assert wrapped.__wrapped__ is fetch_user
    assert wrapped(3) == "3"


@pytest.mark.task(3)
@pytest.mark.points(1)
@pytest.mark.parametrize("settings", [{"attempts": 0}, {"base_delay": -1}, {"factor": 0.5}])
def test_bad_settings_are_rejected(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        retry_module.retry(**settings)

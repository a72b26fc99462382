"""Task 3: retry with exponential backoff and exception filtering (no real sleeping)."""

import asyncio
import inspect
from collections.abc import Awaitable, Callable

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
    assert retry_module.backoff_delays(3, 0, 1, 0) == [0, 0]


@pytest.mark.task(3)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ((0, 0.1, 2.0, 5.0), "attempts"),
        ((3, -1, 2.0, 5.0), "delay"),
        ((3, 0.1, 0.5, 5.0), "factor"),
    ],
)
def test_backoff_delays_reject_bad_settings(
    settings: tuple[int, float, float, float], problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        retry_module.backoff_delays(*settings)


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


def failing_async(
    times: int, error: Exception, calls: list[int]
) -> Callable[[int], Awaitable[str]]:
    """The coroutine version of ``failing``."""

    async def operation(x: int) -> str:
        calls.append(x)
        await asyncio.sleep(0)
        if len(calls) <= times:
            raise error
        return f"done {x}"

    return operation


class FakeAsyncSleep:
    """Records the delays and proves that the wrapper awaited them (it yields to the loop)."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(0)


@pytest.mark.task(3)
@pytest.mark.points(2)
async def test_async_retry_awaits_attempts_and_sleeps() -> None:
    calls: list[int] = []
    sleep = FakeAsyncSleep()
    decorate = retry_module.retry_async(
        attempts=4, on=(ConnectionError,), base_delay=0.5, sleep=sleep
    )
    operation = decorate(failing_async(2, ConnectionError("down"), calls))
    assert inspect.iscoroutinefunction(operation)  # callers await it like the original
    assert await operation(7) == "done 7"
    assert calls == [7, 7, 7]
    assert sleep.delays == [0.5, 1.0]


@pytest.mark.task(3)
@pytest.mark.points(1)
async def test_async_retry_gives_up_and_filters() -> None:
    calls: list[int] = []
    sleep = FakeAsyncSleep()
    error = TimeoutError("slow")
    decorate = retry_module.retry_async(attempts=3, on=(TimeoutError,), base_delay=1, sleep=sleep)
    with pytest.raises(TimeoutError) as raised:
        await decorate(failing_async(10, error, calls))(1)
    assert raised.value is error
    assert (len(calls), sleep.delays) == (3, [1, 2])
    calls.clear()
    with pytest.raises(KeyError):
        await decorate(failing_async(1, KeyError("bug"), calls))(1)
    assert calls == [1]


@pytest.mark.task(3)
@pytest.mark.points(1)
async def test_async_retry_lets_other_tasks_run_while_it_waits() -> None:
    """With the default sleep (asyncio.sleep) a waiting retry must not block the event loop."""
    ticks: list[int] = []
    ticks_seen: list[int] = []

    async def heartbeat() -> None:
        for tick in range(3):
            ticks.append(tick)
            await asyncio.sleep(0)

    retry_twice: Callable[[Callable[[], Awaitable[str]]], Callable[[], Awaitable[str]]]
    retry_twice = retry_module.retry_async(attempts=2, on=(ConnectionError,), base_delay=0.01)

    @retry_twice
    async def flaky() -> str:
        ticks_seen.append(len(ticks))
        if len(ticks_seen) == 1:
            raise ConnectionError("down")
        return "ok"

    result, _ = await asyncio.gather(flaky(), heartbeat())
    assert result == "ok"
    # The heartbeat ran while the retry slept; a blocking time.sleep would have kept it out.
    assert ticks_seen[0] == 0
    assert ticks_seen[1] > 0


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_async_wrapper_keeps_name_and_rejects_bad_settings() -> None:
    async def fetch_user(user_id: int) -> str:
        """Fetch one user."""
        return str(user_id)

    wrapped = retry_module.retry_async()(fetch_user)
    assert (wrapped.__name__, wrapped.__doc__) == ("fetch_user", "Fetch one user.")
    assert wrapped.__wrapped__ is fetch_user
    with pytest.raises(ValueError, match="attempts"):
        retry_module.retry_async(attempts=0)

"""Task 5: fetch_all. Concurrency is checked by the order and overlap of events, never by time."""

import asyncio
from collections.abc import Callable
from typing import cast

import pytest

from testkit import impl_module

fetch = impl_module("week01", "fetch")


class Tracker:
    """A fake fetch that counts how many calls are in flight at once."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.max_in_flight = 0

    async def __call__(self, item: int) -> int:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        for _ in range(3):  # suspend a few times, as a real request would
            await asyncio.sleep(0)
        self.in_flight -= 1
        return item * 10


@pytest.mark.task(5)
@pytest.mark.points(2)
@pytest.mark.parametrize("limit", [1, 3])
async def test_never_more_than_limit_in_flight(limit: int) -> None:
    tracker = Tracker()
    outcomes = await fetch.fetch_all(list(range(10)), tracker, limit=limit)
    assert [o.value for o in outcomes] == [i * 10 for i in range(10)]
    assert tracker.max_in_flight == limit  # bounded, and actually concurrent up to the bound


@pytest.mark.task(5)
@pytest.mark.points(2)
async def test_results_keep_input_order_when_completions_do_not() -> None:
    items = [0, 1, 2, 3]
    waiting: set[int] = set()
    finished: list[int] = []
    all_started = asyncio.Event()
    release = {i: asyncio.Event() for i in items}
    done = {i: asyncio.Event() for i in items}

    async def fetch_one(item: int) -> str:
        waiting.add(item)
        if len(waiting) == len(items):
            all_started.set()
        await release[item].wait()
        finished.append(item)
        done[item].set()
        return f"item {item}"

    async def release_in_reverse() -> None:
        await all_started.wait()
        for item in reversed(items):  # finish the LAST item first, then the one before ...
            release[item].set()
            await done[item].wait()

    outcomes, _ = await asyncio.gather(
        fetch.fetch_all(items, fetch_one, limit=4), release_in_reverse()
    )
    assert finished == [3, 2, 1, 0]
    assert [o.item for o in outcomes] == items
    assert [o.value for o in outcomes] == [f"item {i}" for i in items]


@pytest.mark.task(5)
@pytest.mark.points(2)
async def test_errors_are_captured_per_item() -> None:
    async def fetch_one(item: int) -> int:
        await asyncio.sleep(0)
        if item % 2:
            raise LookupError(f"no item {item}")
        return item

    outcomes = await fetch.fetch_all([0, 1, 2, 3], fetch_one, limit=2)
    assert [o.ok for o in outcomes] == [True, False, True, False]
    assert [o.value for o in outcomes if o.ok] == [0, 2]
    assert [str(o.error) for o in outcomes if not o.ok] == ["no item 1", "no item 3"]
    assert all(o.value is None for o in outcomes if not o.ok)


@pytest.mark.task(5)
@pytest.mark.points(1)
async def test_edge_cases() -> None:
    tracker = Tracker()
    assert await fetch.fetch_all([], tracker, limit=2) == []
    with pytest.raises(ValueError, match="limit"):
        await fetch.fetch_all([1], tracker, limit=0)


DEADLINE = 5  # seconds; only reached when first_success hangs (it runs in microseconds)


async def settle(condition: Callable[[], bool], turns: int = 1000) -> None:
    """Let the event loop run until ``condition()`` holds; fail after ``turns`` turns."""
    for _ in range(turns):
        if condition():
            return
        await asyncio.sleep(0)
    pytest.fail("the other tasks never got there")


class Mirrors:
    """Fake mirrors: each waits for its own event, then returns or raises; cancellations are kept."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.release = {name: asyncio.Event() for name in names}
        self.failing: set[str] = set()
        self.started: list[str] = []
        self.cancelled: list[str] = []
        self.finished: list[str] = []

    async def __call__(self, name: str) -> str:
        self.started.append(name)
        try:
            await self.release[name].wait()
        except asyncio.CancelledError:
            await asyncio.sleep(0)  # cleaning up takes a turn of the loop, as closing a socket does
            self.cancelled.append(name)
            raise
        self.finished.append(name)
        if name in self.failing:
            raise ConnectionError(f"{name} is down")
        return f"data from {name}"

    async def release_in_order(self, names: tuple[str, ...]) -> None:
        """Once every mirror has started, let ``names`` finish, each before the next one."""
        await settle(lambda: len(self.started) == len(self.names))
        for name in names:
            self.release[name].set()
            await settle(lambda: name in self.finished)  # noqa: B023 (used in this iteration)

    async def race(self, *finishing: str) -> tuple[str, list[str]]:
        """``first_success`` over every mirror while ``finishing`` complete in that order; its
        value, and which mirrors had been cancelled (and had stopped) when it returned."""
        releaser = asyncio.create_task(self.release_in_order(finishing))
        try:
            async with asyncio.timeout(DEADLINE):
                value = await fetch.first_success(self.names, self)
            return cast(str, value), sorted(self.cancelled)
        except TimeoutError:
            pytest.fail(f"first_success did not return within {DEADLINE} s")
        finally:
            releaser.cancel()


@pytest.mark.task(5)
@pytest.mark.points(2)
async def test_first_success_returns_the_fastest_and_cancels_the_rest() -> None:
    mirrors = Mirrors(["eu", "us", "asia"])
    value, cancelled = await mirrors.race("us")
    assert value == "data from us"
    assert mirrors.started == ["eu", "us", "asia"]  # all asked at once
    assert cancelled == ["asia", "eu"]  # the others cancelled, and stopped before it returned


@pytest.mark.task(5)
@pytest.mark.points(1)
async def test_first_success_skips_failed_mirrors() -> None:
    mirrors = Mirrors(["eu", "us", "asia"])
    mirrors.failing = {"asia", "eu"}
    assert await mirrors.race("asia", "eu", "us") == ("data from us", [])


@pytest.mark.task(5)
@pytest.mark.points(1)
async def test_first_success_raises_every_error_when_all_fail() -> None:
    mirrors = Mirrors(["eu", "us"])
    mirrors.failing = {"eu", "us"}
    with pytest.raises(ExceptionGroup) as raised:
        await mirrors.race("us", "eu")
    assert sorted(str(e) for e in raised.value.exceptions) == ["eu is down", "us is down"]
    with pytest.raises(ValueError, match="mirror"):
        await fetch.first_success([], mirrors)


@pytest.mark.task(5)
@pytest.mark.points(1)
async def test_cancelling_first_success_cancels_its_tasks() -> None:
    mirrors = Mirrors(["eu", "us"])
    waiting = asyncio.create_task(fetch.first_success(["eu", "us"], mirrors))
    await settle(lambda: waiting.done() or len(mirrors.started) == 2)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        async with asyncio.timeout(DEADLINE):
            await waiting
    assert sorted(mirrors.cancelled) == ["eu", "us"]  # no orphan task keeps running

"""Task 5: fetch_all. Concurrency is checked by the order and overlap of events, never by time."""

import asyncio

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

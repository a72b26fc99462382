"""Lecture 3: common async pitfalls, demonstrated and detected.

1. A blocking call inside a coroutine freezes the WHOLE loop: every other request waits. A
   heartbeat task that should tick every few milliseconds shows it: no tick while the call runs.
2. A forgotten ``await``: the coroutine object is created and thrown away, the work never
   happens. Python warns "coroutine ... was never awaited"; mypy reports ``unused-coroutine``.
3. A fire-and-forget task without a kept reference: the loop keeps only WEAK references to
   tasks, so a pending task nobody references can be garbage-collected mid-flight. Keep tasks in
   a set and discard them when done (or use a TaskGroup).

Run: uv run python -m week01.lectures.l3_pitfalls
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
import warnings
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass
class LoopReport:
    """What a heartbeat task saw while ``work`` ran."""

    ticks_during_work: int
    max_lag: float  # seconds the latest tick came later than scheduled


async def watch_loop(work: Callable[[], Awaitable[object]], interval: float = 0.005) -> LoopReport:
    """Run ``work`` while a heartbeat ticks every ``interval`` seconds; report what it saw."""
    loop = asyncio.get_running_loop()
    report, working, ticked = LoopReport(0, 0.0), False, asyncio.Event()

    async def heartbeat() -> None:
        while True:
            due = loop.time() + interval
            await asyncio.sleep(interval)
            report.max_lag = max(report.max_lag, loop.time() - due)
            if working:
                report.ticks_during_work += 1
            ticked.set()

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)  # let the heartbeat schedule its first tick before the work starts
    working = True
    try:
        await work()
    finally:
        working = False
        ticked.clear()
        await ticked.wait()  # one more tick: it measures how late a blocked loop ran it
        beat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beat
    return report


async def blocking_work(seconds: float = 0.05) -> None:
    time.sleep(seconds)  # noqa: ASYNC251  # the pitfall: a sync sleep/HTTP call/CPU loop


async def non_blocking_work(seconds: float = 0.05) -> None:
    await asyncio.sleep(seconds)


async def save(store: list[str], item: str) -> None:
    await asyncio.sleep(0)
    store.append(item)


def forgotten_await() -> tuple[list[str], list[str]]:
    """Call ``save`` without ``await``: (what was stored, the warnings Python emitted)."""
    store: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # The bug, on purpose. CPython destroys the unused coroutine object at once and warns.
        save(store, "order-1")  # type: ignore[unused-coroutine]
    return store, [str(w.message) for w in caught]


async def fire_and_forget(*, keep_reference: bool) -> bool:
    """Start a background task, drop our variable, collect garbage: is the task still alive?"""
    background: set[asyncio.Task[None]] = set()

    async def wait_for_event() -> None:
        # A future only this task knows: nothing but the task itself keeps it reachable.
        await asyncio.get_running_loop().create_future()

    task = asyncio.create_task(wait_for_event())
    await asyncio.sleep(0)  # the task starts and suspends
    if keep_reference:
        background.add(task)  # the fix: a strong reference ...
        task.add_done_callback(background.discard)  # ... released when the task is done
    alive = weakref.ref(task)
    del task
    gc.collect()
    for leftover in background:
        leftover.cancel()
    await asyncio.gather(*background, return_exceptions=True)
    return alive() is not None


async def demo() -> None:
    for label, work in (("await asyncio.sleep", non_blocking_work), ("time.sleep", blocking_work)):
        report = await watch_loop(work)
        print(
            f"50 ms of {label:19}: heartbeat ticks meanwhile={report.ticks_during_work:2}, "
            f"worst lag={report.max_lag * 1000:5.1f} ms"
        )
    stored, messages = forgotten_await()
    print("forgotten await: stored", stored, "| warning:", messages[0] if messages else None)
    print("fire-and-forget task survives gc:", await fire_and_forget(keep_reference=False))
    print("kept in a set, it survives gc   :", await fire_and_forget(keep_reference=True))


def main() -> None:
    # Expect asyncio's own detector in the output: "Task was destroyed but it is pending!"
    asyncio.run(demo())


if __name__ == "__main__":
    main()

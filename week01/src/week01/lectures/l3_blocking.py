"""Lecture 3: blocking vs non-blocking, and the event loop as single-threaded concurrency.

A backend spends most of its time WAITING: for the database, another HTTP service, the disk.
A blocking call (``time.sleep``, ``requests.get``) holds the thread while it waits; an ``await``
on a non-blocking call hands control back to the event loop, which runs other coroutines until
the result is ready. One thread, many waits overlapping: that is the whole trick.

Run: uv run python -m week01.lectures.l3_blocking
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field

Event = tuple[str, int]  # ("start" | "end", request number)


@dataclass
class Run:
    """What a run did: the order of events, the threads it used and how long it took."""

    events: list[Event] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)
    seconds: float = 0.0


async def fake_query(number: int, delay: float, run: Run) -> int:
    """Stands in for a database call: ``asyncio.sleep`` waits without blocking the loop."""
    run.events.append(("start", number))
    run.threads.add(threading.get_ident())
    await asyncio.sleep(delay)  # the loop runs other coroutines meanwhile
    run.events.append(("end", number))
    return number


async def sequential(count: int, delay: float) -> Run:
    """Await one query after another: each wait starts only when the previous one ended."""
    run, start = Run(), time.perf_counter()
    for number in range(count):
        await fake_query(number, delay, run)
    run.seconds = time.perf_counter() - start
    return run


async def concurrent(count: int, delay: float) -> Run:
    """``gather`` starts all queries, then waits for all: the waits overlap."""
    run, start = Run(), time.perf_counter()
    await asyncio.gather(*(fake_query(number, delay, run) for number in range(count)))
    run.seconds = time.perf_counter() - start
    return run


async def blocking_in_async(count: int, delay: float) -> Run:
    """The same with a BLOCKING wait inside the coroutines: ``gather`` cannot help."""

    async def blocking_query(number: int) -> None:
        run.events.append(("start", number))
        time.sleep(delay)  # noqa: ASYNC251  # the mistake this function demonstrates
        run.events.append(("end", number))

    run, start = Run(), time.perf_counter()
    await asyncio.gather(*(blocking_query(number) for number in range(count)))
    run.seconds = time.perf_counter() - start
    return run


def main() -> None:
    count, delay = 5, 0.1
    print(f"{count} fake queries of {delay * 1000:.0f} ms each:")
    for label, runner in (
        ("sequential awaits", sequential),
        ("gather (non-blocking)", concurrent),
        ("gather of time.sleep", blocking_in_async),
    ):
        run = asyncio.run(runner(count, delay))
        order = " ".join(f"{kind[0]}{n}" for kind, n in run.events)
        print(f"  {label:22} {run.seconds * 1000:6.0f} ms   events: {order}")
    run = asyncio.run(concurrent(count, delay))
    print(f"threads used by the concurrent run: {len(run.threads)} (the event loop's one thread)")


if __name__ == "__main__":
    main()

"""Lecture 3: when to use async, I/O-bound vs CPU-bound work.

Async helps only while a task WAITS. CPU-bound work (hashing, resizing, number crunching) never
waits, so it blocks the loop like any blocking call; and because of the GIL, threads do not run
Python bytecode in parallel either. Hence:

- I/O with an async library: just ``await`` it;
- I/O with a blocking library you cannot replace: ``await asyncio.to_thread(func, ...)`` moves
  the wait to a worker thread and keeps the loop free;
- heavy CPU work: a process pool (other processes, other cores) or a job queue (week 11).

Run: uv run python -m week01.lectures.l3_cpu_vs_io
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

DECISION_TABLE: list[tuple[str, str]] = [
    ("network/database call with an async client (httpx, asyncpg)", "await it directly"),
    (
        "blocking library you cannot replace (requests, boto3, file I/O)",
        "await asyncio.to_thread(...)",
    ),
    (
        "heavy CPU work in a request (hashing, image resize, big parsing)",
        "process pool or job queue",
    ),
    ("tiny CPU work (validation, small JSON, < 1 ms)", "call it directly: offloading costs more"),
    ("a script that mostly computes and rarely waits", "plain sync code, no async at all"),
]


def blocking_client_call(released: threading.Event, log: list[str], timeout: float) -> None:
    """A sync SDK call: it blocks its thread until the 'server' answers (``released`` is set)."""
    log.append("blocking call: waiting")
    answered = released.wait(timeout)
    log.append("blocking call: answered" if answered else "blocking call: timed out")


async def other_request(released: threading.Event, log: list[str]) -> None:
    """Another coroutine on the same loop; here it is what makes the 'server' answer."""
    log.append("other request: ran on the loop")
    released.set()


async def blocking_call_in_loop(give_up_after: float = 0.1) -> list[str]:
    """The mistake: calling the blocking function directly starves ``other_request``."""
    released, log = threading.Event(), list[str]()

    async def call_directly() -> None:
        blocking_client_call(released, log, give_up_after)

    await asyncio.gather(call_directly(), other_request(released, log))
    return log


async def blocking_call_in_thread(give_up_after: float = 5.0) -> list[str]:
    """The fix: ``to_thread`` blocks a worker thread, the loop keeps running other coroutines."""
    released, log = threading.Event(), list[str]()
    await asyncio.gather(
        asyncio.to_thread(blocking_client_call, released, log, give_up_after),
        other_request(released, log),
    )
    return log


def count_primes(limit: int) -> tuple[int, int]:
    """CPU-bound: (number of primes below ``limit``, pid of the process that computed it)."""
    count = sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))
    return count, os.getpid()


async def cpu_in_process_pool(limit: int) -> tuple[int, int]:
    """Run ``count_primes`` in another process; the loop only awaits the result."""
    loop = asyncio.get_running_loop()
    # "spawn" starts a fresh interpreter: safe with threads, and the default on macOS and Windows.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return await loop.run_in_executor(pool, count_primes, limit)


def main() -> None:
    width = max(len(situation) for situation, _ in DECISION_TABLE)
    for situation, advice in DECISION_TABLE:
        print(f"  {situation:{width}}  ->  {advice}")
    print("blocking call in the loop :", asyncio.run(blocking_call_in_loop()))
    print("blocking call in a thread :", asyncio.run(blocking_call_in_thread()))
    start = time.perf_counter()
    primes, pid = asyncio.run(cpu_in_process_pool(200_000))
    print(
        f"CPU work in a process pool: {primes} primes, computed by pid {pid} "
        f"(this process is {os.getpid()}), {time.perf_counter() - start:.2f} s incl. start-up"
    )


if __name__ == "__main__":
    main()

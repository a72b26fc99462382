"""Lecture 3: async/await syntax, awaitables, gather, create_task and TaskGroup.

- ``async def f()`` defines a coroutine FUNCTION; calling ``f()`` runs nothing, it returns a
  coroutine OBJECT that runs when awaited (or wrapped in a task).
- An awaitable is anything ``await`` accepts: coroutines, tasks, futures, objects with ``__await__``.
- ``asyncio.gather(*aws)`` runs awaitables concurrently, results in ARGUMENT order.
- ``asyncio.create_task(coro)`` schedules a coroutine now and lets you continue; await it later.
- ``asyncio.TaskGroup`` (3.11+) is structured concurrency: leaving the ``async with`` waits for
  every task, and one failure cancels the others and raises an ``ExceptionGroup``.

Run: uv run python -m week01.lectures.l3_coroutines
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import Any


async def double(x: int) -> int:
    await asyncio.sleep(0)  # a suspension point: other coroutines may run here
    return 2 * x


class Ready:
    """A hand-made awaitable: ``await Ready(v)`` evaluates to ``v``."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, None, int]:
        yield from asyncio.sleep(0).__await__()
        return self.value


async def finish_in(order: list[str], name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    order.append(name)
    return name


async def gather_keeps_argument_order() -> tuple[list[str], list[str]]:
    """(results, completion order): "slow" finishes last but its result comes first."""
    order: list[str] = []
    results = await asyncio.gather(finish_in(order, "slow", 0.02), finish_in(order, "fast", 0))
    return list(results), order


async def gather_collects_errors() -> list[int | BaseException]:
    """``return_exceptions=True``: failures become results instead of aborting the gather."""

    async def fail() -> int:
        raise ValueError("bad input")

    return list(await asyncio.gather(double(1), fail(), double(3), return_exceptions=True))


async def create_task_runs_in_background() -> list[str]:
    """A task starts at the creator's next suspension point, not when it is awaited."""
    log: list[str] = []

    async def job() -> None:
        log.append("task runs")

    task = asyncio.create_task(job())
    log.append("task created")
    await asyncio.sleep(0)  # yield to the loop once: the task runs now
    log.append("creator resumes")
    await task
    return log


async def task_group_cancels_siblings() -> tuple[list[str], list[str]]:
    """(what happened, the errors in the ExceptionGroup): one failure cancels the slow sibling."""
    log: list[str] = []

    async def slow() -> None:
        try:
            await asyncio.sleep(10)
            log.append("slow finished")
        except asyncio.CancelledError:
            log.append("slow cancelled")
            raise  # never swallow cancellation

    async def broken() -> None:
        await asyncio.sleep(0)
        raise RuntimeError("broken")

    errors: list[str] = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(slow())
            group.create_task(broken())
    except* RuntimeError as group_error:  # (return is not allowed inside except*)
        errors = [str(e) for e in group_error.exceptions]
    return log, errors


async def demo() -> None:
    coroutine = double(21)
    print("double(21) returns       ->", type(coroutine).__name__, "(nothing ran yet)")
    print("await it                 ->", await coroutine)
    print("await Ready(7)           ->", await Ready(7))
    print("gather order             ->", await gather_keeps_argument_order())
    print("gather return_exceptions ->", await gather_collects_errors())
    print("create_task              ->", await create_task_runs_in_background())
    print("TaskGroup failure        ->", await task_group_cancels_siblings())


def main() -> None:
    asyncio.run(demo())


if __name__ == "__main__":
    main()

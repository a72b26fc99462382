"""Async lecture claims, proven by the ORDER of events (never by wall-clock thresholds)."""

import asyncio
import inspect
import os

from week01.lectures import l3_blocking, l3_coroutines, l3_cpu_vs_io, l3_pitfalls

N = 4


async def test_sequential_awaits_do_not_overlap() -> None:
    run = await l3_blocking.sequential(N, 0.001)
    assert run.events == [e for n in range(N) for e in (("start", n), ("end", n))]


async def test_gather_overlaps_the_waits() -> None:
    run = await l3_blocking.concurrent(N, 0.001)
    kinds = [kind for kind, _ in run.events]
    assert kinds == ["start"] * N + ["end"] * N  # every wait began before any ended


async def test_blocking_calls_cannot_overlap_even_in_gather() -> None:
    run = await l3_blocking.blocking_in_async(N, 0.001)
    assert run.events == [e for n in range(N) for e in (("start", n), ("end", n))]


async def test_the_event_loop_is_one_thread() -> None:
    run = await l3_blocking.concurrent(N, 0)
    assert len(run.threads) == 1


async def test_coroutine_function_returns_an_awaitable_that_has_not_run() -> None:
    coroutine = l3_coroutines.double(4)
    assert inspect.iscoroutine(coroutine)
    assert await coroutine == 8
    assert await l3_coroutines.Ready(7) == 7


async def test_gather_results_follow_argument_order() -> None:
    results, finished = await l3_coroutines.gather_keeps_argument_order()
    assert results == ["slow", "fast"]
    assert finished == ["fast", "slow"]


async def test_gather_return_exceptions() -> None:
    results = await l3_coroutines.gather_collects_errors()
    assert results[0] == 2
    assert results[2] == 6
    assert isinstance(results[1], ValueError)


async def test_create_task_runs_at_the_next_suspension_point() -> None:
    assert await l3_coroutines.create_task_runs_in_background() == [
        "task created",
        "task runs",
        "creator resumes",
    ]


async def test_task_group_cancels_siblings_on_failure() -> None:
    assert await l3_coroutines.task_group_cancels_siblings() == (["slow cancelled"], ["broken"])


async def test_blocking_call_starves_other_coroutines() -> None:
    log = await l3_cpu_vs_io.blocking_call_in_loop(give_up_after=0.01)
    assert log == [
        "blocking call: waiting",
        "blocking call: timed out",  # the other coroutine could not run to answer it
        "other request: ran on the loop",
    ]


async def test_to_thread_keeps_the_loop_free() -> None:
    log = await l3_cpu_vs_io.blocking_call_in_thread()
    assert log[-1] == "blocking call: answered"
    assert log.index("other request: ran on the loop") < log.index("blocking call: answered")


async def test_cpu_work_runs_in_another_process() -> None:
    primes, pid = await l3_cpu_vs_io.cpu_in_process_pool(100)
    assert primes == 25
    assert pid != os.getpid()


def test_decision_table_covers_both_kinds_of_work() -> None:
    advice = " ".join(a for _, a in l3_cpu_vs_io.DECISION_TABLE)
    assert "to_thread" in advice
    assert "process pool" in advice


async def test_blocking_call_freezes_the_heartbeat() -> None:
    report = await l3_pitfalls.watch_loop(lambda: l3_pitfalls.blocking_work(0.02))
    assert report.ticks_during_work == 0


async def test_awaiting_lets_the_heartbeat_tick() -> None:
    report = await l3_pitfalls.watch_loop(lambda: l3_pitfalls.non_blocking_work(0.02))
    assert report.ticks_during_work >= 1


def test_forgotten_await_does_nothing_and_warns() -> None:
    stored, warnings = l3_pitfalls.forgotten_await()
    assert stored == []
    assert any("was never awaited" in message for message in warnings)


async def test_unreferenced_task_can_be_garbage_collected() -> None:
    assert await l3_pitfalls.fire_and_forget(keep_reference=False) is False
    assert await l3_pitfalls.fire_and_forget(keep_reference=True) is True
    await asyncio.sleep(0)

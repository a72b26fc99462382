from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l2_pooling as lecture


async def test_an_exhausted_pool_times_out_instead_of_hanging(postgres_url: str) -> None:
    engine = lecture.small_pool(postgres_url, timeout=0.1)
    try:
        outcome = await lecture.exhaust(engine)
        assert outcome.startswith("TimeoutError: QueuePool limit of size 2 overflow 1 reached")
        # The held connections went back: the pool keeps 2 and closed the overflow one.
        assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        assert engine.pool.checkedin() == 2  # type: ignore[attr-defined]
    finally:
        await engine.dispose()


async def test_pre_ping_replaces_a_connection_the_server_killed(postgres_url: str) -> None:
    assert await lecture.after_server_killed_it(postgres_url, pre_ping=False) == (
        "error, connection invalidated: True"
    )
    outcome = await lecture.after_server_killed_it(postgres_url, pre_ping=True)
    assert outcome.startswith("reconnected: pid ")
    first, second = outcome.removeprefix("reconnected: pid ").split(" -> ")
    assert first != second


async def test_pool_recycle_replaces_old_connections(postgres_url: str) -> None:
    kept = await lecture.pids_with_recycle(postgres_url, -1)
    recycled = await lecture.pids_with_recycle(postgres_url, 0)
    assert len(set(kept)) == 1  # one connection, reused
    assert len(set(recycled)) == 3  # every checkout found it too old: a new one each time


async def test_backend_pid_identifies_the_connection(scratch: AsyncEngine) -> None:
    async with scratch.connect() as a, scratch.connect() as b:
        assert await lecture.backend_pid(a) != await lecture.backend_pid(b)

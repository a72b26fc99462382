import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from week09.lectures import l4_rate_limit as l4

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_the_sixth_attempt_is_locked_out_until_the_lockout_ends(
    scratch: AsyncEngine,
) -> None:
    async with scratch.begin() as conn:
        assert await l4.story(conn) == [
            "wrong password #1: 401",
            "wrong password #2: 401",
            "wrong password #3: 401",
            "wrong password #4: 401",
            "wrong password #5: 401",
            "wrong password #6: 429 Retry-After: 890",
            "right password, now: 429 Retry-After: 880",
            "right password, 15 minutes later: 200",
        ]


async def test_failures_spread_over_windows_never_lock(scratch: AsyncEngine) -> None:
    async with scratch.begin() as conn:
        await conn.execute(text(l4.CREATE))
        now = NOW
        for _ in range(10):
            assert await l4.record_failure(conn, "ip:a", now) in (1, 2)
            now += l4.WINDOW / 2 + timedelta(seconds=1)
        assert await l4.retry_after(conn, "ip:a", now) is None


async def test_concurrent_failures_are_all_counted(scratch: AsyncEngine) -> None:
    async with scratch.begin() as conn:
        await conn.execute(text(l4.CREATE))

    async def fail() -> None:
        async with scratch.begin() as conn:
            await l4.record_failure(conn, "email:ann@example.com", NOW)

    await asyncio.gather(*(fail() for _ in range(8)))

    async with scratch.connect() as conn:
        failures = await conn.scalar(text("SELECT failures FROM login_failures"))
        assert failures == 8
        assert await l4.retry_after(conn, "email:ann@example.com", NOW) == 15 * 60

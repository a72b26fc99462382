"""L4: rate limiting logins in PostgreSQL: brute force gets slow, then locked out for a while.

An attacker guessing passwords needs many attempts; a person needs a few. So count failed logins
per **key** in a window and, past a limit, refuse further attempts for a while with
``429 Too Many Requests`` and ``Retry-After`` (seconds), even when the password is right.

Which key? Per account (the e-mail) stops guessing one account's password, but lets anyone lock
a victim out. Per client IP stops one machine trying many accounts (credential stuffing), but a
botnet has many IPs, and users behind one NAT share one. The project counts both, with a higher
limit for the IP. The counter lives in PostgreSQL this week: one atomic ``INSERT ... ON CONFLICT
DO UPDATE`` per failure, so concurrent attempts cannot lose a count (week 10 moves it to Redis).

The clock is a parameter: the tests move time instead of waiting 15 minutes.

Run: ``uv run python -m week09.lectures.l4_rate_limit`` (``DATABASE_URL``, else a throwaway
PostgreSQL).
"""

from __future__ import annotations

import asyncio
import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from .demo_db import demo_database, scratch_engine

LIMIT, WINDOW, LOCKOUT = 5, timedelta(minutes=15), timedelta(minutes=15)

CREATE = """
CREATE TABLE login_failures (
    key text PRIMARY KEY,               -- 'email:ann@example.com' or 'ip:203.0.113.7'
    failures integer NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until timestamptz
)"""
# One statement: a first failure inserts; later ones count (a new window starts when the old one
# is over) and set locked_until when the count reaches the limit.
RECORD_FAILURE = """
INSERT INTO login_failures AS f (key, failures, window_started_at)
VALUES (:key, 1, :now)
ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN f.window_started_at <= :window_start THEN 1 ELSE f.failures + 1 END,
    window_started_at = CASE WHEN f.window_started_at <= :window_start
                             THEN :now ELSE f.window_started_at END,
    locked_until = CASE WHEN f.window_started_at > :window_start AND f.failures + 1 >= :limit
                        THEN :lock_until ELSE f.locked_until END
RETURNING failures
"""


async def record_failure(conn: AsyncConnection, key: str, now: datetime) -> int:
    """Count a failed attempt; the failures in the current window."""
    params = {"key": key, "now": now, "window_start": now - WINDOW, "limit": LIMIT,
              "lock_until": now + LOCKOUT}  # fmt: skip
    return int((await conn.execute(text(RECORD_FAILURE), params)).scalar_one())


async def retry_after(conn: AsyncConnection, key: str, now: datetime) -> int | None:
    """Whole seconds until ``key`` may try again; None when it may try now."""
    until = await conn.scalar(
        text("SELECT locked_until FROM login_failures WHERE key = :key"), {"key": key}
    )
    return math.ceil((until - now).total_seconds()) if until and until > now else None


async def reset(conn: AsyncConnection, key: str) -> None:
    """A successful login forgets the account's failures."""
    await conn.execute(text("DELETE FROM login_failures WHERE key = :key"), {"key": key})


async def attempt(conn: AsyncConnection, key: str, correct: bool, now: datetime) -> str:
    """One login attempt, as the endpoint would answer it."""
    if (wait := await retry_after(conn, key, now)) is not None:
        return f"429 Retry-After: {wait}"  # checked BEFORE the password: no oracle while locked
    if correct:
        await reset(conn, key)
        return "200"
    await record_failure(conn, key, now)
    return "401"


async def story(conn: AsyncConnection) -> list[str]:
    await conn.execute(text(CREATE))
    now, key = datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "email:ann@example.com"
    lines = []
    for n in range(1, 7):
        lines.append(f"wrong password #{n}: {await attempt(conn, key, False, now)}")
        now += timedelta(seconds=10)
    lines.append(f"right password, now: {await attempt(conn, key, True, now)}")
    now += LOCKOUT
    lines.append(f"right password, 15 minutes later: {await attempt(conn, key, True, now)}")
    return lines


async def run(url: str) -> None:
    async with scratch_engine(url) as engine, engine.begin() as conn:
        print("\n".join(await story(conn)))


def main() -> None:
    with demo_database() as url:
        asyncio.run(run(url))


if __name__ == "__main__":
    main()

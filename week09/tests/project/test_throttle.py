"""Task 7: brute force on the login is limited (429 with Retry-After), and a login costs the same
whether the e-mail has an account or not (no user enumeration by timing)."""

import statistics
import time
from datetime import timedelta
from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory

from .conftest import CurrentSessionmaker, MovableClock, make_app
from .factories import Account, login

pytestmark = pytest.mark.task(7)
settings_module = impl_module("week09", "settings")
WRONG_GUESS = "a wrong guess"


async def fail(client: httpx.AsyncClient, email: str, times: int) -> list[int]:
    return [(await login(client, email, password=WRONG_GUESS)).status_code for _ in range(times)]


@pytest.mark.points(4)
async def test_the_sixth_guess_is_refused_with_retry_after(
    anonymous: httpx.AsyncClient, ann: Account, settings: Any
) -> None:
    assert await fail(anonymous, ann.email, 5) == [401] * 5

    locked = await login(anonymous, ann.email)  # even the right password, while locked

    assert locked.status_code == 429
    assert locked.headers["content-type"] == "application/problem+json"
    lockout = settings.login_limits.lockout.total_seconds()
    assert lockout - 60 < int(locked.headers["retry-after"]) <= lockout


@pytest.mark.points(2)
async def test_the_lockout_ends(
    anonymous: httpx.AsyncClient, ann: Account, clock: MovableClock, settings: Any
) -> None:
    await fail(anonymous, ann.email, 5)
    assert (await login(anonymous, ann.email)).status_code == 429

    clock.advance(settings.login_limits.lockout + timedelta(seconds=1))

    assert (await login(anonymous, ann.email)).status_code == 200


@pytest.mark.points(2)
async def test_a_success_forgets_the_failures(anonymous: httpx.AsyncClient, ann: Account) -> None:
    await fail(anonymous, ann.email, 4)
    assert (await login(anonymous, ann.email)).status_code == 200

    assert await fail(anonymous, ann.email, 4) == [401] * 4  # counting starts again


@pytest.mark.points(2)
async def test_failures_outside_the_window_do_not_add_up(
    anonymous: httpx.AsyncClient, ann: Account, clock: MovableClock, settings: Any
) -> None:
    await fail(anonymous, ann.email, 4)
    clock.advance(settings.login_limits.window + timedelta(seconds=1))

    assert await fail(anonymous, ann.email, 4) == [401] * 4
    assert (await login(anonymous, ann.email)).status_code == 200


@pytest.mark.points(2)
async def test_one_address_guessing_many_accounts_is_limited_too(
    anonymous: httpx.AsyncClient, settings: Any
) -> None:
    per_address = settings.login_limits.per_address
    statuses = [
        (await login(anonymous, f"victim{n}@example.com", password=WRONG_GUESS)).status_code
        for n in range(per_address + 1)
    ]  # credential stuffing: one guess per account, all from one address

    assert statuses == [401] * per_address + [429]


@pytest.mark.points(2)
async def test_unknown_accounts_are_counted_like_known_ones(anonymous: httpx.AsyncClient) -> None:
    # Otherwise the 429 itself would tell which e-mails have accounts.
    assert await fail(anonymous, "nobody@example.com", 5) == [401] * 5
    assert (await login(anonymous, "nobody@example.com")).status_code == 429


@pytest.mark.points(3)
async def test_login_takes_as_long_for_unknown_emails_as_for_known_ones(
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    asgi_client: ClientFactory,
    app: Any,
) -> None:
    """Hashing at a cost where it dominates a login (as in production): without the dummy hash,
    an unknown e-mail answers several times faster than a wrong password for a real account."""
    costly = settings_module.PasswordCost(time_cost=2, memory_kib=32 * 1024, parallelism=1)
    timed_app = make_app(
        settings_module.Settings(signing_key=settings.signing_key, password_cost=costly),
        clock,
        current_sessionmaker,
    )
    client = await asgi_client(timed_app, base_url="http://testserver/api/v1")
    body = {"email": "timed@example.com", "password": "plum kettle orbit sandal"}
    assert (await client.post("/auth/register", json=body)).status_code == 201

    async def seconds(email: str) -> float:
        started = time.perf_counter()
        response = await login(client, email, password=WRONG_GUESS)
        assert response.status_code == 401
        return time.perf_counter() - started

    known, unknown = [], []
    for n in range(4):  # interleaved, so a burst of machine load hits both alike
        known.append(await seconds("timed@example.com"))
        unknown.append(await seconds(f"nobody{n}@example.com"))

    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.5 < ratio < 2, f"unknown/known login time: {ratio:.2f}"

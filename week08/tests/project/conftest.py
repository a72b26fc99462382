"""Fixtures of the project tests.

- The schema is built once per session by the real migrations; every test runs in a transaction
  rolled back at its end, and the app's sessions join it with savepoints (week 6).
- The three upstreams are fakes served over real TCP (``week08.fakes`` on the testkit's
  ``FakeUpstream``), started once per session; each test gets them with fresh data, no faults, no
  rate limit and an empty request log.
- Time is a ``FakeClock`` shared by the app (backoff, Retry-After, token bucket, breaker, webhook
  tolerance) and the fakes' rate limits: waiting costs nothing and every wait is recorded.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from week08.fakes.github import FakeGitHub, issue, repo
from week08.fakes.open_meteo import FakeOpenMeteo
from week08.fakes.stripe import API_KEY, WEBHOOK_SECRET, FakeStripe, event, payment_intent

from testkit import impl_module
from testkit.fake_upstream import FakeClock, FakeUpstream
from testkit.http import ClientFactory
from testkit.services.postgres import create_database, drop_database

from .alembic_helpers import migrate

START = 1_796_112_000.0  # 2026-12-01 08:00 UTC


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(db_engine: AsyncEngine, postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """The testkit's engine, on a database the migrations have brought to ``head``."""
    await migrate(postgres_url, "upgrade", "head")
    yield db_engine


def default_github(fake: FakeGitHub) -> FakeGitHub:
    fake.org, fake.token, fake.shift_after_page = "acme", "ghp_test", None
    fake.repos = [
        repo(103, "rocket", "2026-11-30T12:00:00Z", stars=42),
        repo(102, "engine", "2026-11-29T12:00:00Z", stars=7),
        repo(101, "hangar", "2026-11-28T12:00:00Z"),
    ]
    fake.issues = {
        "acme/rocket": [
            issue(9001, 1, "Launch fails on Mondays", "2026-11-20T10:00:00Z"),
            issue(9002, 2, "Add telemetry", "2026-11-25T10:00:00Z", pull_request=True),
        ]
    }
    return fake


def default_stripe(fake: FakeStripe) -> FakeStripe:
    fake.events = [
        event("evt_1", "payment_intent.created", payment_intent("pi_1", 2000, "requires_payment_method"),
              created=1796030000),
        event("evt_2", "payment_intent.succeeded", payment_intent("pi_1", 2000, "succeeded"),
              created=1796030100),
        event("evt_3", "customer.created", {"id": "cus_1", "object": "customer"}, created=1796030200),
    ]  # fmt: skip
    return fake


FakeUpstreams = dict[str, Any]  # {"github": (FakeGitHub, its FakeUpstream server), ...}


@pytest.fixture(scope="session")
def fakes() -> Iterator[FakeUpstreams]:
    """The fake upstreams, one server each for the whole session."""
    github, meteo, stripe = FakeGitHub(), FakeOpenMeteo(), FakeStripe()
    with github.upstream() as gh, meteo.upstream() as om, stripe.upstream() as st:
        yield {"github": (github, gh), "weather": (meteo, om), "payments": (stripe, st)}


def _reset(upstream: FakeUpstream) -> FakeUpstream:
    upstream.clear_faults()
    upstream.requests.clear()
    upstream.rate_limit = None
    return upstream


@pytest.fixture
def github_fake(fakes: dict[str, Any]) -> FakeGitHub:
    return default_github(fakes["github"][0])


@pytest.fixture
def github(fakes: dict[str, Any], github_fake: FakeGitHub) -> FakeUpstream:
    return _reset(fakes["github"][1])


@pytest.fixture
def meteo_fake(fakes: dict[str, Any]) -> FakeOpenMeteo:
    fake: FakeOpenMeteo = fakes["weather"][0]
    fake.overrides.clear()
    return fake


@pytest.fixture
def meteo(fakes: dict[str, Any], meteo_fake: FakeOpenMeteo) -> FakeUpstream:
    return _reset(fakes["weather"][1])


@pytest.fixture
def stripe_fake(fakes: dict[str, Any]) -> FakeStripe:
    return default_stripe(fakes["payments"][0])


@pytest.fixture
def stripe(fakes: dict[str, Any], stripe_fake: FakeStripe) -> FakeUpstream:
    return _reset(fakes["payments"][1])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=START)


def fake_settings(github_url: str, meteo_url: str, stripe_url: str) -> Any:
    """Settings pointing at the fakes, with short timeouts and a small breaker threshold."""
    module = impl_module("week08", "settings")
    quick = module.Resilience(
        connect_timeout=0.2, read_timeout=0.3, max_attempts=3, backoff_base=0.5, backoff_max=30.0,
        breaker_threshold=3, breaker_reset=30.0, rate=50.0, burst=10,
    )  # fmt: skip
    return module.Settings(
        github_url=github_url, github_org="acme", github_issue_repos=("rocket",),
        github_token="ghp_test", github_page_size=2,  # noqa: S106 - a test value
        weather_url=meteo_url, places=(module.Place("Berlin", 52.52, 13.41),),
        payments_url=stripe_url, payments_api_key=API_KEY,
        payments_webhook_secret=WEBHOOK_SECRET, payments_page_size=2,
        cursor_secret=b"test-cursor-secret",
        resilience=dict.fromkeys(("github", "weather", "payments"), quick),
    )  # fmt: skip


@pytest.fixture
def settings(github: FakeUpstream, meteo: FakeUpstream, stripe: FakeUpstream) -> Any:
    return fake_settings(github.url, meteo.url, stripe.url)


@pytest.fixture
def sessionmaker(db_connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions on the test's connection: a ``commit()`` releases a savepoint, nothing more."""
    return async_sessionmaker(
        bind=db_connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
def app(settings: Any, clock: FakeClock, sessionmaker: async_sessionmaker[AsyncSession]) -> Any:
    app = impl_module("week08", "main").create_app(
        settings, now=clock, monotonic=clock, sleep=clock.sleep
    )
    dependencies = impl_module("week08", "dependencies")

    async def test_sessionmaker() -> async_sessionmaker[AsyncSession]:
        return sessionmaker

    app.dependency_overrides[dependencies.get_sessionmaker] = test_sessionmaker
    return app


@pytest.fixture
async def client(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    return await asgi_client(app, base_url="http://testserver/api/v1")


@pytest.fixture
async def app_on_a_real_database(
    postgres_url: str, settings: Any, clock: FakeClock
) -> AsyncIterator[Any]:
    """The app as it runs in production: its own engine (from the lifespan) on a migrated database,
    no test transaction around it, so syncs can run concurrently on pooled connections."""
    url = create_database(postgres_url, prefix="syncall")
    try:
        await migrate(url, "upgrade", "head")
        real = replace(settings, database_url=url)
        yield impl_module("week08", "main").create_app(
            real, now=clock, monotonic=clock, sleep=clock.sleep
        )
    finally:
        drop_database(url)


async def sync(client: httpx.AsyncClient, source: str) -> dict[str, Any]:
    """``POST /sync/{source}?wait=true``: the source's status after the run."""
    response = await client.post(f"/sync/{source}", params={"wait": "true"})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def items(client: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/items", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["items"]
    return found


async def count_rows(conn: AsyncConnection, table: str) -> int:
    return int(await conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)  # noqa: S608

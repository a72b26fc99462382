"""Fixtures of the project tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio

from testkit.fake_upstream import FakeUpstream
from testkit.services.redis import ThrowawayRedis

from .caching import Parts, parts
from .fake_github import FakeGitHub


@pytest_asyncio.fixture(loop_scope="session")
async def cache(redis_url: str) -> AsyncIterator[Parts]:
    """The caching layer's parts on the session's Redis, emptied first."""
    built = parts(redis_url)
    await built.redis.flushdb()
    yield built
    await built.redis.aclose()


@pytest_asyncio.fixture(loop_scope="session")
async def outage(redis_server: ThrowawayRedis) -> AsyncIterator[Parts]:
    """The parts on a Redis of the test's own, which the test may stop, start, pause, resume."""
    built = parts(redis_server.url(), timeout=0.1)
    yield built
    await built.redis.aclose()


@pytest.fixture(scope="session")
def github_server() -> Iterator[tuple[FakeGitHub, FakeUpstream]]:
    fake = FakeGitHub()
    with fake.upstream() as upstream:
        yield fake, upstream


@pytest.fixture
def github(github_server: tuple[FakeGitHub, FakeUpstream]) -> FakeUpstream:
    """The fake GitHub with its default issue, no faults and an empty request log."""
    fake, upstream = github_server
    fake.reset()
    upstream.clear_faults()
    upstream.requests.clear()
    return upstream


@pytest.fixture
def github_fake(github_server: tuple[FakeGitHub, FakeUpstream], github: FakeUpstream) -> FakeGitHub:
    return github_server[0]

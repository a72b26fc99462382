"""Task 3 (first half): the deny-list of revoked logins: Redis answers while its copy is complete,
PostgreSQL's record otherwise; a token is never accepted because Redis could not be asked.

The record here is a stand-in that counts its queries; the app's tests run it on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from testkit.services.redis import ThrowawayRedis

from .caching import Parts, module

pytestmark = pytest.mark.task(3)
LIFETIME = timedelta(minutes=15)


class Record:
    """Revoked refresh-token families, as week 9's table records them."""

    def __init__(self) -> None:
        self.revoked: dict[uuid.UUID, datetime] = {}
        self.queries = 0

    async def is_family_revoked(self, family_id: uuid.UUID) -> bool:
        self.queries += 1
        return family_id in self.revoked

    async def families_revoked_since(self, since: datetime) -> list[tuple[uuid.UUID, datetime]]:
        self.queries += 1
        return [(login, at) for login, at in self.revoked.items() if at > since]


def deny_list(parts: Parts, record: Record) -> Any:
    denylist = module("auth.denylist")
    parts.guard.on_recovery(denylist.distrust)  # what the app's lifespan registers
    return denylist.DenyList(parts.guard, record, LIFETIME)


async def revoke(deny: Any, record: Record, login: uuid.UUID) -> None:
    at = datetime.now(UTC)  # Redis expires the copy by the real clock
    record.revoked[login] = at  # the request's transaction writes the record ...
    await deny.revoked(login, at)  # ... and the deny-list copies it to Redis


@pytest.mark.points(3)
async def test_once_the_copy_is_built_redis_answers_alone(cache: Parts) -> None:
    record, login, other = Record(), uuid.uuid4(), uuid.uuid4()
    deny = deny_list(cache, record)
    await revoke(deny, record, login)
    await deny.is_revoked(
        other, datetime.now(UTC)
    )  # the first check finds no marker: builds the copy
    record.queries = 0

    assert await deny.is_revoked(login, datetime.now(UTC)) is True
    assert await deny.is_revoked(other, datetime.now(UTC)) is False
    assert record.queries == 0  # PostgreSQL was not asked


async def test_a_revocation_reaches_redis_at_once_and_expires_with_the_last_token(
    cache: Parts,
) -> None:
    record, login = Record(), uuid.uuid4()
    deny = deny_list(cache, record)
    await deny.rebuild(datetime.now(UTC))
    await revoke(deny, record, login)
    assert await deny.is_revoked(login, datetime.now(UTC)) is True
    ttl = await cache.redis.ttl(f"tm:v1:denied:{login}")
    assert 14 * 60 < ttl <= 15 * 60 + 1


@pytest.mark.points(3)
async def test_an_empty_redis_is_rebuilt_from_the_record_and_revoked_stays_revoked(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    record, login = Record(), uuid.uuid4()
    deny = deny_list(outage, record)
    await revoke(deny, record, login)
    outage_redis.stop()
    outage_redis.start()  # back, empty: the copy is gone
    outage.clock.advance(2.0)

    assert await deny.is_revoked(login, datetime.now(UTC)) is True  # answered by the record
    record.queries = 0
    assert await deny.is_revoked(login, datetime.now(UTC)) is True  # and the copy was rebuilt
    assert record.queries == 0


@pytest.mark.points(3)
async def test_without_redis_the_record_answers(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    record, login, other = Record(), uuid.uuid4(), uuid.uuid4()
    deny = deny_list(outage, record)
    await deny.rebuild(datetime.now(UTC))
    record.queries = 0
    outage_redis.stop()
    await revoke(deny, record, login)  # logging out still works: the record has it

    assert await deny.is_revoked(login, datetime.now(UTC)) is True
    assert await deny.is_revoked(other, datetime.now(UTC)) is False  # valid tokens keep working
    assert record.queries == 2


@pytest.mark.points(3)
async def test_a_revocation_missed_during_a_hang_is_never_forgotten(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    record, login = Record(), uuid.uuid4()
    deny = deny_list(outage, record)
    await deny.rebuild(datetime.now(UTC))
    outage_redis.pause()  # Redis keeps its data (and its marker) ...
    await deny.is_revoked(uuid.uuid4(), datetime.now(UTC))  # a check times out: breaker open
    await revoke(deny, record, login)  # ... and never gets this revocation
    outage_redis.resume()
    outage.clock.advance(2.0)

    assert await deny.is_revoked(login, datetime.now(UTC)) is True


async def test_old_revocations_are_not_copied(cache: Parts) -> None:
    record, old, recent = Record(), uuid.uuid4(), uuid.uuid4()
    now = datetime.now(UTC)
    record.revoked = {old: now - timedelta(hours=1), recent: now - timedelta(minutes=5)}
    deny = deny_list(cache, record)
    await deny.rebuild(datetime.now(UTC))
    found = {k async for k in cache.redis.scan_iter("tm:v1:denied:*")}
    assert found == {"tm:v1:denied:ready", f"tm:v1:denied:{recent}"}


async def test_one_rebuild_at_a_time(cache: Parts) -> None:
    record = Record()
    deny = deny_list(cache, record)
    await cache.redis.set("tm:v1:denied:rebuilding", 1, px=5000)  # another process is at it
    await deny.rebuild(datetime.now(UTC))
    assert record.queries == 0
    assert await cache.redis.exists("tm:v1:denied:ready") == 0

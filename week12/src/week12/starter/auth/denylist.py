"""``DenyList``: logins whose access tokens stop working before they expire (lecture 3).

An access token lives 15 minutes and is checked by its signature alone, so a logout, or a reused
refresh token (week 9's reuse detection), would leave it working until then. Each access token
names its login (the ``sid`` claim: the refresh-token family), and every request asks "is this
login revoked?":

- **PostgreSQL has the record**: ``refresh_tokens.revoked_at``, written in the request's
  transaction by week 9's code. A revocation is never lost, whatever Redis does.
- **Redis has a fast copy**: ``tm:v1:denied:<sid>``, with a TTL until the last access token of that
  login has expired (``revoked_at + access token lifetime``): the copy cleans itself up.
- Redis is trusted only while the marker ``tm:v1:denied:ready`` says the copy is complete. It is
  set by ``rebuild`` (from the record); a restarted, empty Redis has no marker, and the guard's
  recovery (``distrust``) deletes it when a revocation could not be written to Redis.
- Without Redis or without the marker, PostgreSQL answers. A token is never accepted because a
  check could not be made (fail closed), and reads go on working while Redis is down.
"""

import contextlib
import uuid
from datetime import datetime, timedelta
from typing import Protocol

from redis.asyncio import Redis

from ..caching import keys
from ..caching.guard import RedisGuard, RedisUnavailableError

READY = f"{keys.PREFIX}:denied:ready"
REBUILDING = f"{keys.PREFIX}:denied:rebuilding"


def denied(login: uuid.UUID) -> str:
    return f"{keys.PREFIX}:denied:{login}"


class RevocationRecord(Protocol):
    """What the deny-list needs from PostgreSQL (the refresh-token repository provides it)."""

    async def is_family_revoked(self, family_id: uuid.UUID) -> bool: ...

    async def families_revoked_since(self, since: datetime) -> list[tuple[uuid.UUID, datetime]]:
        """Each family revoked after ``since``, with the time it was revoked."""
        ...


async def distrust(redis: Redis) -> None:
    """The guard's recovery: a revocation may be missing from Redis's copy; rebuild it first."""
    await redis.delete(READY)


class DenyList:
    def __init__(
        self, guard: RedisGuard, record: RevocationRecord, token_lifetime: timedelta
    ) -> None:
        self.guard = guard
        self.record = record
        self.token_lifetime = token_lifetime  # how long an access token of a login may live on

    async def revoked(self, login: uuid.UUID, at: datetime) -> None:
        """Copy a revocation the record holds (written in this request) to Redis at once."""
        until = int((at + self.token_lifetime).timestamp()) + 1

        async def write(redis: Redis) -> None:
            await redis.set(denied(login), 1, exat=until)

        with contextlib.suppress(RedisUnavailableError):  # the guard remembers the missed write
            await self.guard(write, write=True)

    async def is_revoked(self, login: uuid.UUID, now: datetime) -> bool:
        """Redis answers if its copy is complete; otherwise PostgreSQL (and the copy is rebuilt)."""
        try:
            ready, found = await self.guard(lambda redis: redis.mget(READY, denied(login)))
        except RedisUnavailableError:
            return await self.record.is_family_revoked(login)
        if ready is None:
            revoked = await self.record.is_family_revoked(login)
            await self.rebuild(now)
            return revoked
        return found is not None

    async def rebuild(self, now: datetime) -> None:
        """Copy every revocation that still matters from PostgreSQL to Redis, then mark the copy
        complete. One process at a time (``SET NX``): after a restart, every request finds the
        marker missing, and one rebuild is enough."""
        try:
            if not await self.guard(lambda redis: redis.set(REBUILDING, 1, nx=True, px=5000)):
                return
            revocations = await self.record.families_revoked_since(now - self.token_lifetime)

            async def write(redis: Redis) -> None:
                async with redis.pipeline(transaction=True) as pipe:
                    for login, at in revocations:
                        until = int((at + self.token_lifetime).timestamp()) + 1
                        pipe.set(denied(login), 1, exat=until)
                    pipe.set(READY, 1)
                    pipe.delete(REBUILDING)
                    await pipe.execute()

            await self.guard(write)
        except RedisUnavailableError:
            pass  # the next request tries again; PostgreSQL answers meanwhile

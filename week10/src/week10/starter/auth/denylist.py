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

import uuid
from datetime import datetime, timedelta
from typing import Protocol

from redis.asyncio import Redis

from ..caching.guard import RedisGuard


class RevocationRecord(Protocol):
    """What the deny-list needs from PostgreSQL (the refresh-token repository provides it)."""

    async def is_family_revoked(self, family_id: uuid.UUID) -> bool: ...

    async def families_revoked_since(self, since: datetime) -> list[tuple[uuid.UUID, datetime]]:
        """Each family revoked after ``since``, with the time it was revoked."""
        ...


async def distrust(redis: Redis) -> None:
    """The guard's recovery: a revocation may be missing from Redis's copy; rebuild it first."""
    raise NotImplementedError("TODO: forget that Redis's copy is complete")


class DenyList:
    """TODO (task 3): Redis's copy of the revocations, trusted only while complete (see the
    module's docstring for the keys: one per login, the "ready" marker, a rebuild lock)."""

    def __init__(
        self, guard: RedisGuard, record: RevocationRecord, token_lifetime: timedelta
    ) -> None:
        self.guard = guard
        self.record = record
        self.token_lifetime = token_lifetime  # how long an access token of a login may live on

    async def revoked(self, login: uuid.UUID, at: datetime) -> None:
        """Copy a revocation the record holds (written in this request) to Redis at once."""
        raise NotImplementedError("TODO: copy it to Redis, expiring with the tokens")

    async def is_revoked(self, login: uuid.UUID, now: datetime) -> bool:
        """Redis answers if its copy is complete; otherwise PostgreSQL (and the copy is rebuilt)."""
        raise NotImplementedError("TODO: Redis if its copy is complete, else the record")

    async def rebuild(self, now: datetime) -> None:
        """Copy every revocation that still matters from PostgreSQL to Redis, then mark the copy
        complete. One process at a time (``SET NX``)."""
        raise NotImplementedError("TODO: one rebuild at a time: copy the record, mark it ready")

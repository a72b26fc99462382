"""``Idempotency-Key`` for POST: a retried create returns the first response instead of a duplicate.

Week 4 kept the keys in memory; now they are rows of ``idempotency_keys``, written in the SAME
transaction as the task they describe: either both are committed or neither is, so a key can never
point at a task that was rolled back, and a failed create leaves no key behind.

- the same key with the same body: the stored response again, headers too (``Location``, and the
  ``ETag`` of the version it created: migration 0006), and still one task;
- the same key with a different body: 422 (IETF draft-ietf-httpapi-idempotency-key-header).

A request first **claims** its key (week 6): a transaction-level advisory lock on the hash of the
owner and the key, so that a second request with the key waits, then replays the first one's
response. Keys are scoped per user (week 9): the primary key is (owner_id, key), so one user's
key can neither replay nor block another user's request. A production table also deletes keys
after a day or so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Header
from pydantic import BaseModel
from sqlalchemy import DateTime, ForeignKey, String, func, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base
from .errors import IdempotencyKeyReusedError

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        min_length=1,
        max_length=255,
        pattern=r"^[!-~]+$",  # visible ASCII: a UUID, a ULID, ...
        description="A unique key per intended operation; a retry with the same key and body "
        "returns the first response and creates nothing new",
    ),
]


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(JSONB)  # the response body, as sent
    location: Mapped[str] = mapped_column(String(2000))
    etag: Mapped[str | None] = mapped_column(String(100))  # None: stored before migration 0006
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


@dataclass(frozen=True)
class StoredResponse:
    """What a key produced: the request's fingerprint and the response to replay."""

    fingerprint: str
    body: Any
    location: str
    etag: str | None = None


def fingerprint(data: BaseModel) -> str:
    """A hash of the *validated* body: spacing, key order and defaults sent or not do not matter."""
    return hashlib.sha256(data.model_dump_json().encode()).hexdigest()


class IdempotencyKeys:
    """The responses given per key: a repository over ``idempotency_keys``."""

    def __init__(self, session: AsyncSession, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    async def claim(self, key: str) -> None:
        """Hold ``key`` until this transaction ends; a request holding it already is awaited.
        The lock is on the owner's key: another user's request with the same key never waits."""
        await self.session.execute(
            select(func.pg_advisory_xact_lock(func.hashtextextended(key, self.owner_id)))
        )

    async def replay(self, key: str, request_fingerprint: str) -> StoredResponse | None:
        """The stored response for ``key``; None if the key is new; 422 if it meant another body."""
        record = await self.session.get(IdempotencyRecord, (self.owner_id, key))
        if record is None:
            return None
        if record.fingerprint != request_fingerprint:
            raise IdempotencyKeyReusedError(key)
        return StoredResponse(record.fingerprint, record.body, record.location, record.etag)

    async def save(self, key: str, response: StoredResponse) -> None:
        self.session.add(
            IdempotencyRecord(
                owner_id=self.owner_id,
                key=key,
                fingerprint=response.fingerprint,
                body=response.body,
                location=response.location,
                etag=response.etag,
            )
        )
        await self.session.flush()

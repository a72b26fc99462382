"""``Idempotency-Key`` on task creation (the pattern of weeks 4 and 10): a retried create returns
the first response instead of making a duplicate.

- the same key with the same body: the stored response again (its ``ETag`` too), still one task;
- the same key with a different body: 422 (IETF draft-ietf-httpapi-idempotency-key-header).

The record is written in the SAME transaction as the task: both are committed or neither is. A
request first **claims** its key with a transaction-level advisory lock, so a concurrent request
with the same key waits, then replays the first one's response. Keys belong to one member of one
organisation (a tenant table: scoped, and under row-level security like the others).
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Header
from pydantic import BaseModel
from sqlalchemy import BigInteger, ForeignKey, String, UniqueConstraint, func, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base, created_at_column
from .errors import IdempotencyKeyReusedError
from .tenancy.base import TenantRepository
from .tenancy.models import TenantMixin

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


class IdempotencyRecord(TenantMixin, Base):
    __tablename__ = "idempotency_keys"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    __table_args__ = (UniqueConstraint("org_id", "user_id", "key"),)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    fingerprint: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(JSONB)  # the response body, as sent
    etag: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 6): the rest of IdempotencyRecord: columns, constraints (migration 0006)
    # END SOLUTION


@dataclass(frozen=True)
class StoredResponse:
    """What a key produced: the request's fingerprint and the response to replay."""

    fingerprint: str
    body: dict[str, Any]
    etag: str


def fingerprint(data: BaseModel) -> str:
    """A hash of the *validated* body: spacing, key order and defaults sent or not do not matter."""
    # BEGIN SOLUTION task 6
    return hashlib.sha256(data.model_dump_json().encode()).hexdigest()
    # END SOLUTION


class IdempotencyKeys(TenantRepository[IdempotencyRecord]):
    """The responses given per key, of one member of one organisation."""

    model = IdempotencyRecord

    def __init__(self, session: Any, org_id: int, user_id: int) -> None:
        super().__init__(session, org_id)
        self.user_id = user_id

    # BEGIN SOLUTION task 6
    async def claim(self, key: str) -> None:
        """Hold ``key`` until this transaction ends; a request holding it already is awaited."""
        lock = f"idempotency:{self.org_id}:{self.user_id}:{key}"
        await self.session.execute(
            select(func.pg_advisory_xact_lock(func.hashtextextended(lock, 0)))
        )

    async def replay(self, key: str, request_fingerprint: str) -> StoredResponse | None:
        """The stored response for ``key``; None if the key is new; 422 if it meant another body."""
        query = self.scoped().where(
            IdempotencyRecord.user_id == self.user_id, IdempotencyRecord.key == key
        )
        record = await self.session.scalar(query)
        if record is None:
            return None
        if record.fingerprint != request_fingerprint:
            raise IdempotencyKeyReusedError(
                f"Idempotency-Key {key!r} was used for another request; use a new key"
            )
        return StoredResponse(record.fingerprint, record.body, record.etag)

    async def save(self, key: str, response: StoredResponse) -> None:
        await self.add(
            user_id=self.user_id,
            key=key,
            fingerprint=response.fingerprint,
            body=response.body,
            etag=response.etag,
        )

    # REPLACE WITH
    # # TODO (task 6): claim a key (an advisory lock for the transaction), replay what it
    # # produced (or 422 for another body), save a response
    # END SOLUTION

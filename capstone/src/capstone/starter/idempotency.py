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
    # TODO (task 6): the rest of IdempotencyRecord: columns, constraints (migration 0006)


@dataclass(frozen=True)
class StoredResponse:
    """What a key produced: the request's fingerprint and the response to replay."""

    fingerprint: str
    body: dict[str, Any]
    etag: str


def fingerprint(data: BaseModel) -> str:
    """A hash of the *validated* body: spacing, key order and defaults sent or not do not matter."""
    raise NotImplementedError("TODO: task 6")


class IdempotencyKeys(TenantRepository[IdempotencyRecord]):
    """The responses given per key, of one member of one organisation."""

    model = IdempotencyRecord

    def __init__(self, session: Any, org_id: int, user_id: int) -> None:
        super().__init__(session, org_id)
        self.user_id = user_id

    # TODO (task 6): claim a key (an advisory lock for the transaction), replay what it
    # produced (or 422 for another body), save a response

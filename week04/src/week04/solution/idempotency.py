"""``Idempotency-Key`` for POST: a retried create returns the first response instead of a duplicate.

POST is not idempotent: when a client's connection drops after it sent ``POST /tasks``, it cannot
know whether the task was created, and a plain retry may create it twice. With a unique key per
intended operation (a UUID the client makes) in the ``Idempotency-Key`` header, the server
remembers the response it gave for that key:

- the same key with the same body: the stored response again (and still one task);
- the same key with a different body: 422 (IETF draft-ietf-httpapi-idempotency-key-header), since
  the key already stands for another request.

A production store keeps keys per user with an expiry (24 h is common) and inserts the key
*before* doing the work, answering 409 while the first request is still running. Here the store
is in memory and one event loop runs every request, so the check and the save cannot interleave.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Header
from pydantic import BaseModel

from .errors import IdempotencyKeyReusedError

# BEGIN SOLUTION
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
# REPLACE WITH
# # TODO (task 4): 1-255 visible ASCII characters, and a description for the OpenAPI document
# IdempotencyKeyHeader = Annotated[str | None, Header()]
# END SOLUTION


@dataclass(frozen=True)
class StoredResponse:
    """What a key produced: the request's fingerprint and the response to replay."""

    # BEGIN SOLUTION
    fingerprint: str
    body: Any
    location: str
    # REPLACE WITH
    # # TODO (task 4): the fields a replay needs (which request, which body, which Location)
    # END SOLUTION


def fingerprint(data: BaseModel) -> str:
    """A hash of the *validated* body: spacing, key order and defaults sent or not do not matter."""
    # BEGIN SOLUTION sha256 hex digest of data.model_dump_json()
    return hashlib.sha256(data.model_dump_json().encode()).hexdigest()
    # END SOLUTION


class IdempotencyKeys:
    """The responses given per key (a table ``idempotency_keys`` in week 06)."""

    def __init__(self, rows: dict[str, StoredResponse]) -> None:
        self.rows = rows

    async def replay(self, key: str, request_fingerprint: str) -> StoredResponse | None:
        """The stored response for ``key``; None if the key is new; 422 if it meant another body."""
        # BEGIN SOLUTION None if new; KeyReused error if fingerprint differs
        stored = self.rows.get(key)
        if stored is not None and stored.fingerprint != request_fingerprint:
            raise IdempotencyKeyReusedError(key)
        return stored
        # END SOLUTION

    async def save(self, key: str, response: StoredResponse) -> None:
        # BEGIN SOLUTION remember the response under the key
        self.rows[key] = response
        # END SOLUTION

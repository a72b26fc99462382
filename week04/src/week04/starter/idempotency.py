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

# TODO (task 4): 1-255 visible ASCII characters, and a description for the OpenAPI document
IdempotencyKeyHeader = Annotated[str | None, Header()]


@dataclass(frozen=True)
class StoredResponse:
    """What a key produced: the request's fingerprint and the response to replay."""

    # TODO (task 4): the fields a replay needs (which request, which body, which Location)


def fingerprint(data: BaseModel) -> str:
    """A hash of the *validated* body: spacing, key order and defaults sent or not do not matter."""
    raise NotImplementedError("TODO: sha256 hex digest of data.model_dump_json()")


class IdempotencyKeys:
    """The responses given per key (a table ``idempotency_keys`` in week 06)."""

    def __init__(self, rows: dict[str, StoredResponse]) -> None:
        self.rows = rows

    async def replay(self, key: str, request_fingerprint: str) -> StoredResponse | None:
        """The stored response for ``key``; None if the key is new; 422 if it meant another body."""
        raise NotImplementedError("TODO: None if new; KeyReused error if fingerprint differs")

    async def save(self, key: str, response: StoredResponse) -> None:
        raise NotImplementedError("TODO: remember the response under the key")

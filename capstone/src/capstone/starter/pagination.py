"""Opaque, signed cursors for keyset pagination ([ADR 0004](../../../docs/adr/0004-cursor-pagination.md)).

A cursor holds the id of the last item a page returned and a digest of the query's filters:
``base64url(json).base64url(hmac)``. The next page is ``WHERE id < :after``. A cursor we did not
issue, one a client edited, or one used with other filters is refused with 400.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from pydantic import BaseModel

from .errors import InvalidCursorError

T = TypeVar("T")
R = TypeVar("R")
_SIGNATURE_BYTES = 16


class Page(BaseModel, Generic[T]):
    """One page of a listing, and the cursor of the next one (None on the last page)."""

    # TODO (task 6): the fields of Page in openapi.json (components.schemas)


def _b64encode(data: bytes) -> str:
    raise NotImplementedError("TODO: task 6")


def _b64decode(text: str) -> bytes:
    raise NotImplementedError("TODO: task 6")


class CursorCodec:
    """Signs cursors with a server-side secret and verifies them on the way back."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _sign(self, payload: bytes) -> bytes:
        raise NotImplementedError("TODO: task 6")

    def encode(self, query: str, after: int) -> str:
        """The cursor that continues the listing ``query`` (its filters, canonical) after ``after``."""
        raise NotImplementedError("TODO: task 6: payload.signature, base64url")

    def decode(self, cursor: str, query: str) -> int:
        """The id inside ``cursor``; ``InvalidCursorError`` if forged, edited or for another query."""
        raise NotImplementedError("TODO: task 6: verify the HMAC, then the query; else 400")


def paginate(
    rows: Sequence[R], limit: int, query: str, codec: CursorCodec, id_of: Callable[[R], int]
) -> tuple[list[R], str | None]:
    """One page from ``limit + 1`` fetched rows (the extra row only says a next page exists) and
    the cursor of that next page."""
    raise NotImplementedError("TODO: task 6: limit rows, and a cursor if there is more")

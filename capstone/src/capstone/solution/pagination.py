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

    # BEGIN SOLUTION task 6
    items: list[T]
    next_cursor: str | None
    # REPLACE WITH
    # # TODO (task 6): the fields of Page in openapi.json (components.schemas)
    # END SOLUTION


def _b64encode(data: bytes) -> str:
    # BEGIN SOLUTION task 6
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
    # END SOLUTION


def _b64decode(text: str) -> bytes:
    # BEGIN SOLUTION task 6
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    # END SOLUTION


class CursorCodec:
    """Signs cursors with a server-side secret and verifies them on the way back."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _sign(self, payload: bytes) -> bytes:
        # BEGIN SOLUTION task 6
        return hmac.new(self.secret, payload, hashlib.sha256).digest()[:_SIGNATURE_BYTES]
        # END SOLUTION

    def encode(self, query: str, after: int) -> str:
        """The cursor that continues the listing ``query`` (its filters, canonical) after ``after``."""
        # BEGIN SOLUTION task 6: payload.signature, base64url
        data = json.dumps({"q": query, "after": after}, separators=(",", ":")).encode()
        return f"{_b64encode(data)}.{_b64encode(self._sign(data))}"
        # END SOLUTION

    def decode(self, cursor: str, query: str) -> int:
        """The id inside ``cursor``; ``InvalidCursorError`` if forged, edited or for another query."""
        # BEGIN SOLUTION task 6: verify the HMAC, then the query; else 400
        try:
            payload_part, signature_part = cursor.split(".")
            data, signature = _b64decode(payload_part), _b64decode(signature_part)
        except (ValueError, binascii.Error):
            raise InvalidCursorError("The cursor is malformed; use next_cursor as given") from None
        if not hmac.compare_digest(signature, self._sign(data)):
            raise InvalidCursorError("The cursor was not issued by this API or has been altered")
        content = json.loads(data)  # signed by us: its shape can be trusted
        if content["q"] != query:
            raise InvalidCursorError(
                "The cursor belongs to other filters; keep the query as it was"
            )
        return int(content["after"])
        # END SOLUTION


def paginate(
    rows: Sequence[R], limit: int, query: str, codec: CursorCodec, id_of: Callable[[R], int]
) -> tuple[list[R], str | None]:
    """One page from ``limit + 1`` fetched rows (the extra row only says a next page exists) and
    the cursor of that next page."""
    # BEGIN SOLUTION task 6: limit rows, and a cursor if there is more
    page = list(rows[:limit])
    more = len(rows) > limit
    return page, codec.encode(query, id_of(page[-1])) if more else None
    # END SOLUTION

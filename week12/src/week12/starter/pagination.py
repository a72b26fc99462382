"""Opaque, tamper-evident cursors for keyset ("cursor") pagination.

A cursor names the last item a client has seen: the sort it was issued for and that item's sort
key, e.g. ``{"sort": "-created_at", "after": ["2026-01-01T09:00:00.000000+00:00", 7]}``. The next
page is "the items that come after this key", which stays correct while rows are inserted or
deleted (an offset does not: see ``lectures/l2_api_design.py``).

Clients must treat a cursor as opaque, so it is base64url(JSON) plus an HMAC-SHA256 signature:
a cursor we did not issue, or one a client edited, fails verification and is refused with 400
instead of paging from a made-up position. The payload is signed, not encrypted: do not put
secrets in it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

from .errors import InvalidCursorError

SortKey = tuple[Any, int]  # (the sort field's value, the id that breaks ties)
_SIGNATURE_BYTES = 16  # a truncated HMAC-SHA256 tag: plenty against forgery, shorter URLs


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorCodec:
    """Signs cursors with a server-side secret and verifies them on the way back."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.secret, payload, hashlib.sha256).digest()[:_SIGNATURE_BYTES]

    def encode(self, sort: str, after: SortKey) -> str:
        """The cursor that continues a listing in ``sort`` order after the item keyed ``after``."""
        payload = json.dumps({"sort": sort, "after": list(after)}, separators=(",", ":"))
        data = payload.encode()
        return f"{_b64encode(data)}.{_b64encode(self._sign(data))}"

    def decode(self, cursor: str, sort: str) -> SortKey:
        """The sort key inside ``cursor``; ``InvalidCursorError`` if forged, edited or mismatched."""
        try:
            payload_part, signature_part = cursor.split(".")
            data, signature = _b64decode(payload_part), _b64decode(signature_part)
        except (ValueError, binascii.Error):
            raise InvalidCursorError("The cursor is malformed; use a next link as given") from None
        if not hmac.compare_digest(signature, self._sign(data)):
            raise InvalidCursorError("The cursor was not issued by this API or has been altered")
        # A valid signature means we wrote this payload, so its shape can be trusted.
        content = json.loads(data)
        if content["sort"] != sort:
            raise InvalidCursorError(
                f"The cursor belongs to sort={content['sort']}, not sort={sort}; "
                "keep the query of the link you follow"
            )
        value, item_id = content["after"]
        return value, item_id

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

# TODO (task 1): helpers you want here, e.g. unpadded base64url both ways


class CursorCodec:
    """Signs cursors with a server-side secret and verifies them on the way back."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _sign(self, payload: bytes) -> bytes:
        """The HMAC-SHA256 tag of ``payload`` under the server's secret."""
        raise NotImplementedError("TODO: HMAC-SHA256 of payload with self.secret")

    def encode(self, sort: str, after: SortKey) -> str:
        """The cursor that continues a listing in ``sort`` order after the item keyed ``after``."""
        raise NotImplementedError("TODO: base64url(JSON) + '.' + base64url(signature)")

    def decode(self, cursor: str, sort: str) -> SortKey:
        """The sort key inside ``cursor``; ``InvalidCursorError`` if forged, edited or mismatched."""
        raise NotImplementedError("TODO: check signature (compare_digest), then sort")

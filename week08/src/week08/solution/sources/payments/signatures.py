"""Webhook signatures, Stripe's scheme (https://docs.stripe.com/webhooks#verify-manually).

The provider sends ``Stripe-Signature: t=1733040000,v1=5257a869...`` where ``v1`` is the hex
HMAC-SHA256, keyed with the endpoint's secret, of ``f"{t}.".encode() + raw_body``:

- over the RAW body, byte for byte: parse and re-serialise the JSON and the bytes (spaces, key
  order, escapes) differ, and so does the HMAC;
- compared in constant time (``hmac.compare_digest``): ``==`` stops at the first differing byte,
  and its timing leaks how much of a forged signature was right;
- with the timestamp signed too, and checked against a tolerance (5 minutes): a captured request
  replayed tomorrow fails; a replay within the window is caught by the seen-event-id store;
- several ``v1`` values may come (during a secret rotation): any that matches is enough.
"""

from __future__ import annotations

import hashlib
import hmac

from ...errors import InvalidWebhookError


def signature(payload: bytes, secret: str, timestamp: int) -> str:
    """The hex HMAC-SHA256 of ``"{timestamp}." + payload``."""
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """A ``Stripe-Signature`` header value (what the provider sends; the tests and fakes use it)."""
    return f"t={timestamp},v1={signature(payload, secret, timestamp)}"


def verify_signature(
    payload: bytes, header: str | None, secret: str, *, tolerance: float, now: float
) -> int:
    """Return the signed timestamp, or raise ``InvalidWebhookError`` saying what is wrong.

    Checks, in order: a header at all; a ``t`` that is an integer and at least one ``v1``; a
    ``v1`` equal (constant time) to our HMAC; ``t`` within ``tolerance`` seconds of ``now``.
    """
    # BEGIN SOLUTION parse t and v1 values; compare_digest each v1; then check |now - t|
    if not header:
        raise InvalidWebhookError("Missing Stripe-Signature header")
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        raise InvalidWebhookError("Malformed Stripe-Signature header: need t=... and v1=...")
    expected = signature(payload, secret, timestamp).encode()
    # Bytes, not str: compare_digest refuses a str with non-ASCII characters (a TypeError, a 500).
    if not any(hmac.compare_digest(expected, c.encode("utf-8", "replace")) for c in candidates):
        raise InvalidWebhookError("Signature does not match the payload")
    if abs(now - timestamp) > tolerance:
        raise InvalidWebhookError(f"Timestamp outside the tolerance of {tolerance:.0f} s")
    return timestamp
    # END SOLUTION

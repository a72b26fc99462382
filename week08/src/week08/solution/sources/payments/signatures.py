"""Webhook signatures in Stripe's scheme (https://docs.stripe.com/webhooks#verify-manually):
``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "{t}." + raw body>``, compared in constant
time, with the timestamp checked against a tolerance. Several ``v1`` may come (secret rotation)."""

import hashlib
import hmac

from ...errors import InvalidWebhookError


def signature(payload: bytes, secret: str, timestamp: int) -> str:
    """The hex HMAC-SHA256 of ``"{timestamp}." + payload``."""
    # BEGIN SOLUTION hex HMAC-SHA256, key = secret, message = t + '.' + payload
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    # END SOLUTION


def verify_signature(
    payload: bytes, header: str | None, secret: str, *, tolerance: float, now: float
) -> int:
    """Return the signed timestamp, or raise ``InvalidWebhookError`` saying what is wrong.

    Checks, in order: a header at all; a ``t`` that is an integer and at least one ``v1``; a
    ``v1`` equal (constant time) to our HMAC; ``t`` within ``tolerance`` seconds of ``now``.
    """
    # BEGIN SOLUTION parse t and v1s; compare_digest; check |now - t|
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

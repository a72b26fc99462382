"""Webhook signatures in Stripe's scheme (https://docs.stripe.com/webhooks#verify-manually):
``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "{t}." + raw body>``, compared in constant
time, with the timestamp checked against a tolerance. Several ``v1`` may come (secret rotation)."""

import hashlib
import hmac

from ...errors import InvalidWebhookError


def signature(payload: bytes, secret: str, timestamp: int) -> str:
    """The hex HMAC-SHA256 of ``"{timestamp}." + payload``."""
    raise NotImplementedError("TODO: hex HMAC-SHA256, key = secret, message = t + '.' + payload")


def verify_signature(
    payload: bytes, header: str | None, secret: str, *, tolerance: float, now: float
) -> int:
    """Return the signed timestamp, or raise ``InvalidWebhookError`` saying what is wrong.

    Checks, in order: a header at all; a ``t`` that is an integer and at least one ``v1``; a
    ``v1`` equal (constant time) to our HMAC; ``t`` within ``tolerance`` seconds of ``now``.
    """
    raise NotImplementedError("TODO: parse t and v1s; compare_digest; check |now - t|")

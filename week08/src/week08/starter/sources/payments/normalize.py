"""Stripe events -> ``ItemIn``: a payment intent's latest known state."""

from ...items.schemas import ItemIn, ItemKind, SourceName
from .schemas import PaymentIntent, StripeEvent

HANDLED_PREFIX = "payment_intent."
# https://docs.stripe.com/currencies#zero-decimal: amounts in these are whole units already.
ZERO_DECIMAL = frozenset({"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF",
                          "UGX", "VND", "VUV", "XAF", "XOF", "XPF"})  # fmt: skip
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})


def format_amount(amount: int, currency: str) -> str:
    """Minor units for people: ``(2000, "eur")`` -> ``"20.00 EUR"``, ``(1999, "jpy")`` ->
    ``"1999 JPY"`` (zero-decimal), ``(1500, "kwd")`` -> ``"1.500 KWD"`` (three decimals)."""
    raise NotImplementedError("TODO: 0, 2 or 3 decimals by currency; divmod; pad")


def normalize_event(event: StripeEvent) -> list[ItemIn]:
    """A ``payment_intent.*`` event -> the intent as an item; any other event type -> nothing.

    ``source_updated_at`` is the *event's* time: a late or replayed older event then never
    overwrites a newer state (the upsert compares them).
    """
    raise NotImplementedError("TODO: other types: []; PaymentIntent -> ItemIn")

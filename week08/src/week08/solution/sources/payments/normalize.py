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
    # BEGIN SOLUTION 0, 2 or 3 decimals by currency; divmod; pad
    code = currency.upper()
    digits = 0 if code in ZERO_DECIMAL else 3 if code in THREE_DECIMAL else 2
    if digits == 0:
        return f"{amount} {code}"
    whole, minor = divmod(amount, 10**digits)
    return f"{whole}.{minor:0{digits}d} {code}"
    # END SOLUTION


def normalize_event(event: StripeEvent) -> list[ItemIn]:
    """A ``payment_intent.*`` event -> the intent as an item; any other event type -> nothing.

    ``source_updated_at`` is the *event's* time: a late or replayed older event then never
    overwrites a newer state (the upsert compares them).
    """
    # BEGIN SOLUTION other types: []; PaymentIntent -> ItemIn
    if not event.type.startswith(HANDLED_PREFIX):
        return []
    intent = PaymentIntent.model_validate(event.data.object)
    return [
        ItemIn(
            source=SourceName.PAYMENTS,
            kind=ItemKind.PAYMENT,
            external_id=intent.id,
            title=intent.description
            or f"Payment of {format_amount(intent.amount, intent.currency)}",
            status=intent.status,
            amount=intent.amount,
            currency=intent.currency.upper(),
            occurred_at=intent.created,
            source_updated_at=event.created,
            attributes={
                "amount_display": format_amount(intent.amount, intent.currency),
                "event_id": event.id,
                "event_type": event.type,
                "livemode": event.livemode,
            },
        )
    ]
    # END SOLUTION

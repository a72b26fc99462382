"""Stripe events -> ``ItemIn``: a payment intent's latest known state."""

from __future__ import annotations

from ...items.schemas import ItemIn, ItemKind, SourceName
from .schemas import PaymentIntent, StripeEvent

HANDLED_PREFIX = "payment_intent."


def normalize_event(event: StripeEvent) -> list[ItemIn]:
    """A ``payment_intent.*`` event -> the intent as an item; any other event type -> nothing.

    ``source_updated_at`` is the *event's* time: a late or replayed older event then never
    overwrites a newer state (the upsert compares them).
    """
    # BEGIN SOLUTION skip other types; validate data.object as PaymentIntent; map its fields
    if not event.type.startswith(HANDLED_PREFIX):
        return []
    intent = PaymentIntent.model_validate(event.data.object)
    return [
        ItemIn(
            source=SourceName.PAYMENTS,
            kind=ItemKind.PAYMENT,
            external_id=intent.id,
            title=intent.description or f"Payment {intent.id}",
            status=intent.status,
            amount=intent.amount,
            currency=intent.currency.upper(),
            occurred_at=intent.created,
            source_updated_at=event.created,
            attributes={"event_id": event.id, "event_type": event.type, "livemode": event.livemode},
        )
    ]
    # END SOLUTION

"""Stripe's documented shapes: events (https://docs.stripe.com/api/events/object), the list envelope
with cursor pagination (https://docs.stripe.com/api/pagination), PaymentIntent
(https://docs.stripe.com/api/payment_intents/object; ``amount`` in the currency's minor unit)."""

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class StripeModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class StripeList(StripeModel):
    """TODO: object "list", data (raw records), has_more"""


class EventData(StripeModel):
    """TODO: object: the raw dict"""


class StripeEvent(StripeModel):
    """TODO: id evt_..., object "event", type (safe characters), created, livemode, data"""


class PaymentIntent(StripeModel):
    """TODO: id pi_..., object, amount >= 0, currency (3 letters), status, created, description?"""

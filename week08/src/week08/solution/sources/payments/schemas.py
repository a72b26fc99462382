"""Stripe's documented shapes: events (https://docs.stripe.com/api/events/object), the list envelope
with cursor pagination (https://docs.stripe.com/api/pagination), PaymentIntent
(https://docs.stripe.com/api/payment_intents/object; ``amount`` in the currency's minor unit)."""

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class StripeModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class StripeList(StripeModel):
    # BEGIN SOLUTION object "list", data (raw records), has_more
    object: Literal["list"]
    data: list[Any]  # each record is validated on its own, so one bad event costs one event
    has_more: bool
    # END SOLUTION


class EventData(StripeModel):
    # BEGIN SOLUTION object: the raw dict
    object: dict[str, Any]
    # END SOLUTION


class StripeEvent(StripeModel):
    # BEGIN SOLUTION id evt_..., object "event", type (safe characters), created, livemode, data
    id: str = Field(pattern=r"^evt_\w{1,200}$")
    object: Literal["event"]
    type: str = Field(pattern=r"^[a-z0-9_.]{1,100}$")  # "payment_intent.succeeded"
    created: AwareDatetime  # unix seconds in the JSON; pydantic reads them as UTC
    livemode: bool = False
    data: EventData
    # END SOLUTION


class PaymentIntent(StripeModel):
    # BEGIN SOLUTION id pi_..., object, amount >= 0, currency (3 letters), status, created, description?
    id: str = Field(pattern=r"^pi_\w{1,200}$")
    object: Literal["payment_intent"]
    amount: int = Field(ge=0)
    currency: str = Field(pattern=r"^[a-z]{3}$")
    status: str
    created: AwareDatetime
    description: str | None = None
    # END SOLUTION

"""Stripe's shapes, as documented (the fields we use).

- Events: ``GET /v1/events`` (newest first; ``limit``, ``starting_after``, ``type`` with ``*``
  wildcards, ``created[gte]``), https://docs.stripe.com/api/events/list
- List envelope: ``{"object": "list", "data": [...], "has_more": true, "url": "/v1/events"}``,
  cursor pagination, https://docs.stripe.com/api/pagination
- The event object: https://docs.stripe.com/api/events/object
- PaymentIntent: https://docs.stripe.com/api/payment_intents/object (``amount`` in the currency's
  smallest unit: cents for EUR, yen for JPY)
- Authentication: ``Authorization: Bearer sk_test_...``, https://docs.stripe.com/api/authentication
- Webhook signatures: ``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256>``,
  https://docs.stripe.com/webhooks#verify-manually
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class StripeModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class StripeList(StripeModel):
    object: Literal["list"]
    data: list[Any]  # each record is validated on its own, so one bad event costs one event
    has_more: bool


class EventData(StripeModel):
    object: dict[str, Any]


class StripeEvent(StripeModel):
    id: str = Field(pattern=r"^evt_\w{1,200}$")
    object: Literal["event"]
    type: str = Field(pattern=r"^[a-z0-9_.]{1,100}$")  # "payment_intent.succeeded"
    created: AwareDatetime  # unix seconds in the JSON; pydantic reads them as UTC
    livemode: bool = False
    data: EventData


class PaymentIntent(StripeModel):
    id: str = Field(pattern=r"^pi_\w{1,200}$")
    object: Literal["payment_intent"]
    amount: int = Field(ge=0)
    currency: str = Field(pattern=r"^[a-z]{3}$")
    status: str
    created: AwareDatetime
    description: str | None = None

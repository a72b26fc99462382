"""``POST /webhooks/payments``: the payment provider pushes events here."""

from typing import Annotated

from fastapi import APIRouter, Header, Request

from ..dependencies import WebhookServiceDep
from ..problems import problem_responses
from .schemas import WebhookResult

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


@router.post("/payments", responses=problem_responses(400, 422))
async def payment_webhook(
    request: Request,
    service: WebhookServiceDep,
    stripe_signature: Annotated[str | None, Header(max_length=2000)] = None,
) -> WebhookResult:
    """A signed event (``Stripe-Signature``). 200 for processed, duplicate and ignored events
    alike: any 2xx tells the provider to stop retrying. 400 when we cannot trust the request."""
    # The RAW bytes: the signature covers them exactly as sent. Never verify a re-serialised body.
    # BEGIN SOLUTION the raw body and the header to the service
    payload = await request.body()
    return await service.handle(payload, stripe_signature)
    # END SOLUTION

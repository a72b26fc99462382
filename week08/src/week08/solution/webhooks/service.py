"""Receiving the payment provider's webhooks in the request's one transaction: if applying an event
fails, its "seen" row is rolled back too, and the provider's retry gets a fresh chance."""

from datetime import UTC, datetime, timedelta

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from ..errors import InvalidWebhookError
from ..items.repository import ItemRepository
from ..resilience.clock import Now, wall_clock
from ..sources.payments.normalize import normalize_event
from ..sources.payments.schemas import StripeEvent
from ..sources.payments.signatures import verify_signature
from .repository import WebhookEventRepository
from .schemas import WebhookResult

MAX_PAYLOAD = 256 * 1024  # Stripe's events are a few kB; a megabyte body is not one of them
# The provider retries a delivery for up to 3 days (re-signed each time): remember ids that long.
RETENTION = timedelta(days=3)


class PaymentWebhookService:
    def __init__(
        self, session: AsyncSession, *, secret: str, tolerance: float, now: Now = wall_clock
    ) -> None:
        # BEGIN SOLUTION repositories on the session; keep the rest
        self.items = ItemRepository(session)
        self.seen = WebhookEventRepository(session)
        self.secret = secret
        self.tolerance = tolerance
        self.now = now
        # END SOLUTION

    async def handle(self, payload: bytes, signature_header: str | None) -> WebhookResult:
        """Verify the signature over the raw bytes, parse, claim the event id, apply it once."""
        # BEGIN SOLUTION guards; verify; parse; claim; apply once
        if not self.secret:  # an empty key would make every signature forgeable: refuse all
            raise InvalidWebhookError("Webhooks are not configured (no signing secret)")
        if len(payload) > MAX_PAYLOAD:
            raise InvalidWebhookError(f"Payload larger than {MAX_PAYLOAD} bytes")
        verify_signature(
            payload, signature_header, self.secret, tolerance=self.tolerance, now=self.now()
        )
        try:
            event = StripeEvent.model_validate_json(payload)
        except ValidationError:
            raise InvalidWebhookError(
                "The payload is not an event of the documented shape"
            ) from None
        if not await self.seen.claim(event.id, event.type):
            return WebhookResult(event_id=event.id, status="duplicate")
        await self.seen.prune(datetime.fromtimestamp(self.now(), UTC) - RETENTION)
        try:
            items = normalize_event(event)
        except ValidationError:
            raise InvalidWebhookError(f"Event {event.id} holds an invalid payment") from None
        if not items:
            return WebhookResult(event_id=event.id, status="ignored")
        await self.items.upsert_many(items)
        return WebhookResult(event_id=event.id, status="processed")
        # END SOLUTION

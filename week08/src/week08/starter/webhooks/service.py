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
        raise NotImplementedError("TODO: repositories on the session; keep the rest")

    async def handle(self, payload: bytes, signature_header: str | None) -> WebhookResult:
        """Verify the signature over the raw bytes, parse, claim the event id, apply it once."""
        raise NotImplementedError("TODO: guards; verify; parse; claim; apply once")

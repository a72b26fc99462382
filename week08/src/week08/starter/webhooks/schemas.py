"""Bodies of the webhook endpoint."""

from typing import Literal

from pydantic import BaseModel, Field


class WebhookResult(BaseModel):
    event_id: str
    status: Literal["processed", "duplicate", "ignored"] = Field(
        description="duplicate: seen before, nothing changed; ignored: a type we do not handle"
    )

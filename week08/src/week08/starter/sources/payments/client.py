"""Syncing payments by polling ``/v1/events`` (the webhook is the fast path; polling catches what
a webhook missed: our endpoint was down, the provider gave up retrying)."""

from collections.abc import AsyncIterator, Mapping
from datetime import UTC
from typing import Any

from pydantic import ValidationError

from ...resilience.client import ResilientClient
from ...resilience.errors import InvalidResponseError
from ..base import FetchResult, convert_all, json_body
from .normalize import normalize_event
from .schemas import StripeEvent, StripeList


class PaymentsSource:
    name = "payments"

    def __init__(self, client: ResilientClient, *, page_size: int = 100) -> None:
        raise NotImplementedError("TODO: keep the arguments")

    async def pages(self, params: Mapping[str, str | int]) -> AsyncIterator[list[Any]]:
        """Cursor pagination: yield each page's ``data`` while ``has_more``, continuing
        ``starting_after`` the last record's id."""
        raise NotImplementedError("TODO: request, validate envelope, yield, move cursor")
        yield  # (unreachable: it keeps this function an async generator)

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult:
        """Payment events created at or after the cursor (unix seconds).

        ``created[gte]``, not ``gt``: an event created in the same second as the last one we saw,
        but after our sync, is not lost; seeing the last one again is harmless (idempotent upsert).
        """
        raise NotImplementedError("TODO: type + created[gte]; convert pages; new cursor")

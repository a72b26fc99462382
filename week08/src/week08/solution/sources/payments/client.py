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
        # BEGIN SOLUTION keep the arguments
        self.client = client
        self.page_size = page_size
        # END SOLUTION

    async def pages(self, params: Mapping[str, str | int]) -> AsyncIterator[list[Any]]:
        """Cursor pagination: yield each page's ``data`` while ``has_more``, continuing
        ``starting_after`` the last record's id."""
        # BEGIN SOLUTION
        query = dict(params)
        while True:
            response = await self.client.request("GET", "/v1/events", params=query)
            try:
                page = StripeList.model_validate(json_body(response, self.name))
            except ValidationError as exc:
                raise InvalidResponseError(self.name, f"not a list envelope: {exc}") from None
            yield page.data
            if not page.has_more or not page.data:
                return
            last = page.data[-1]
            if not isinstance(last, dict) or not isinstance(last.get("id"), str):
                raise InvalidResponseError(self.name, "the last record of a page has no id")
            query["starting_after"] = last["id"]
        # REPLACE WITH
        # raise NotImplementedError("TODO: request, validate envelope, yield, move cursor")
        # yield  # (unreachable: it keeps this function an async generator)
        # END SOLUTION

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult:
        """Payment events created at or after the cursor (unix seconds).

        ``created[gte]``, not ``gt``: an event created in the same second as the last one we saw,
        but after our sync, is not lost; seeing the last one again is harmless (idempotent upsert).
        """
        # BEGIN SOLUTION type + created[gte]; convert pages; new cursor
        params: dict[str, str | int] = {"limit": self.page_size, "type": "payment_intent.*"}
        if cursor:
            params["created[gte]"] = cursor
        result = FetchResult(cursor=cursor, etag=etag)
        newest = int(cursor) if cursor and cursor.isdigit() else 0
        async for events in self.pages(params):
            items, received, invalid = convert_all(
                self.name, events, lambda r: normalize_event(StripeEvent.model_validate(r))
            )
            result.add(items, received, invalid)
            for item in items:
                newest = max(newest, int(item.source_updated_at.astimezone(UTC).timestamp()))
        if newest:
            result.cursor = str(newest)
        return result
        # END SOLUTION

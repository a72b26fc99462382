"""What the sources share: ``FetchResult``, and turning raw records into ``ItemIn`` one by one, so a
bad record is logged (where and why, never its content) and counted, and the sync goes on."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
import structlog
from pydantic import ValidationError

from ..items.schemas import ItemIn
from ..resilience.errors import InvalidResponseError

logger = structlog.get_logger(__name__)


@dataclass
class FetchResult:
    """What one sync of a source brought back."""

    items: list[ItemIn] = field(default_factory=list)
    received: int = 0  # records the upstream sent
    invalid: int = 0  # records that failed validation or normalisation (logged)
    cursor: str | None = None  # the sync cursor to store (the old one if nothing newer)
    etag: str | None = None  # the ETag to send next time (the old one on a 304)
    not_modified: bool = False  # a conditional request answered 304: nothing to do

    def add(self, items: list[ItemIn], received: int, invalid: int) -> None:
        # BEGIN SOLUTION append the items, add the counts
        self.items += items
        self.received += received
        self.invalid += invalid
        # END SOLUTION


class Source(Protocol):
    """A source syncs from its upstream, starting from the stored cursor and ETag."""

    name: str

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult: ...


def json_body(response: httpx.Response, source: str) -> Any:
    """The response's JSON, or ``InvalidResponseError`` (malformed or truncated JSON, HTML...)."""
    # BEGIN SOLUTION response.json(); ValueError -> InvalidResponseError
    try:
        return response.json()
    except ValueError as exc:
        raise InvalidResponseError(source, f"response is not JSON: {exc}") from None
    # END SOLUTION


def convert_all(
    source: str, records: Iterable[Any], convert: Callable[[Any], Iterable[ItemIn]]
) -> tuple[list[ItemIn], int, int]:
    """Run ``convert`` (validate + normalise) on each raw record: (items, received, invalid).

    A ``ValidationError`` from the external model or from ``ItemIn`` skips that record only; it is
    logged with its position and the failing fields, and counted.
    """
    # BEGIN SOLUTION convert each; ValidationError: log, count, go on
    items: list[ItemIn] = []
    received = invalid = 0
    for index, record in enumerate(records):
        received += 1
        try:
            items.extend(convert(record))
        except ValidationError as exc:
            invalid += 1
            fields = [".".join(map(str, e["loc"])) + ": " + e["msg"] for e in exc.errors()]
            logger.warning("invalid_record", source=source, index=index, errors=fields)
    return items, received, invalid
    # END SOLUTION


def expect_list(data: Any, source: str, what: str) -> list[Any]:
    """The envelope check: a list where the API documents a list (a dict here is not a record)."""
    # BEGIN SOLUTION a list, or InvalidResponseError naming what came instead
    if not isinstance(data, list):
        raise InvalidResponseError(
            source, f"{what}: expected a JSON array, got {type(data).__name__}"
        )
    return data
    # END SOLUTION

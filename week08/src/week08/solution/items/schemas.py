"""The internal record every source is normalised into (``ItemIn``: its rules are the database's, so
an upsert cannot fail on a value an upstream made up), and the read API's bodies."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

MAX_BIGINT = 2**63 - 1


class SourceName(StrEnum):
    GITHUB = "github"
    WEATHER = "weather"
    PAYMENTS = "payments"


class ItemKind(StrEnum):
    REPOSITORY = "repository"
    ISSUE = "issue"
    PULL_REQUEST = "pull_request"
    FORECAST = "forecast"
    PAYMENT = "payment"


def no_nul(value: str) -> str:
    # BEGIN SOLUTION ValueError if the text holds a NUL character
    if "\x00" in value:
        raise ValueError("contains a NUL character, which PostgreSQL text cannot store")
    return value
    # END SOLUTION


def scalars_without_nul(value: dict[str, Any]) -> dict[str, Any]:
    # BEGIN SOLUTION no NUL in any key or string value
    for key, item in value.items():
        no_nul(key)
        if isinstance(item, str):
            no_nul(item)
    return value
    # END SOLUTION


Text = Annotated[str, AfterValidator(no_nul)]
Scalar = str | int | float | bool | None


class ItemIn(BaseModel):
    """One normalised record, ready to be upserted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # BEGIN SOLUTION the internal fields, with the database's rules
    source: SourceName
    kind: ItemKind
    external_id: Annotated[Text, Field(min_length=1, max_length=200)]
    title: Annotated[Text, Field(max_length=500)]
    url: Text | None = None
    status: Annotated[Text, Field(max_length=40)] | None = None
    amount: Annotated[int, Field(ge=0, le=MAX_BIGINT)] | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    occurred_at: AwareDatetime
    source_updated_at: AwareDatetime
    attributes: Annotated[dict[str, Scalar], AfterValidator(scalars_without_nul)] = {}
    # END SOLUTION

    @property
    def key(self) -> tuple[str, str, str]:
        # BEGIN SOLUTION (source value, kind value, external_id)
        return (self.source.value, self.kind.value, self.external_id)
        # END SOLUTION


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION the stored item as the API shows it (no source_updated_at)
    id: int
    source: SourceName
    kind: ItemKind
    external_id: str
    title: str
    url: str | None
    status: str | None
    amount: int | None = Field(description="In the currency's minor unit (cents), as Stripe sends")
    currency: str | None
    occurred_at: datetime
    attributes: dict[str, Any]
    synced_at: datetime
    # END SOLUTION


class PageLinks(BaseModel):
    # BEGIN SOLUTION next: the URL of the next page or null
    next: str | None = Field(description="URL of the next page; null on the last page")
    # END SOLUTION


class ItemPage(BaseModel):
    # BEGIN SOLUTION items, next_cursor, links
    items: list[ItemRead]
    next_cursor: str | None
    links: PageLinks
    # END SOLUTION


class UpsertCounts(BaseModel):
    # BEGIN SOLUTION inserted, updated, unchanged (all 0 by default)
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    # END SOLUTION

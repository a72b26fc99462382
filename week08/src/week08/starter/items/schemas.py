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
    raise NotImplementedError("TODO: ValueError if the text holds a NUL character")


def scalars_without_nul(value: dict[str, Any]) -> dict[str, Any]:
    raise NotImplementedError("TODO: no NUL in any key or string value")


Text = Annotated[str, AfterValidator(no_nul)]
Scalar = str | int | float | bool | None


class ItemIn(BaseModel):
    """One normalised record, ready to be upserted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # TODO: the internal fields, with the database's rules

    @property
    def key(self) -> tuple[str, str, str]:
        raise NotImplementedError("TODO: (source value, kind value, external_id)")


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO: the stored item as the API shows it (no source_updated_at)


class PageLinks(BaseModel):
    """TODO: next: the URL of the next page or null"""


class ItemPage(BaseModel):
    """TODO: items, next_cursor, links"""


class UpsertCounts(BaseModel):
    """TODO: inserted, updated, unchanged (all 0 by default)"""

"""Bodies of the sync endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..items.schemas import SourceName


class SyncCounts(BaseModel):
    received: int = Field(description="Records the upstream sent in the last successful run")
    inserted: int
    updated: int
    unchanged: int
    invalid: int = Field(description="Records that failed validation (logged, not stored)")


class BreakerStatus(BaseModel):
    state: Literal["closed", "open", "half_open"]
    failures: int
    retry_in: float | None = Field(description="Seconds until the next trial call, when open")


class SourceStatus(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    source: SourceName
    status: Literal["never", "ok", "partial", "failed"] = Field(
        description="partial: stored what was valid, some records were invalid"
    )
    last_run_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    not_modified: bool = Field(description="The last run's conditional request answered 304")
    counts: SyncCounts
    breaker: BreakerStatus


class SyncStatus(BaseModel):
    sources: list[SourceStatus]


class SyncAccepted(BaseModel):
    source: SourceName
    status: Literal["accepted"] = "accepted"
    status_url: str

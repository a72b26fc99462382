"""Bodies of the sync endpoints."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..items.schemas import SourceName


class SyncCounts(BaseModel):
    # BEGIN SOLUTION received, inserted, updated, unchanged, invalid (ints)
    received: int = Field(description="Records the upstream sent in the last successful run")
    inserted: int
    updated: int
    unchanged: int
    invalid: int = Field(description="Records that failed validation (logged, not stored)")
    # END SOLUTION


class BreakerStatus(BaseModel):
    # BEGIN SOLUTION state ("closed", "open", "half_open"), failures, retry_in (seconds or null)
    state: Literal["closed", "open", "half_open"]
    failures: int
    retry_in: float | None = Field(description="Seconds until the next trial call, when open")
    # END SOLUTION


class SourceStatus(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION source, status, run times, last_error, consecutive_failures, not_modified, counts, breaker
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
    # END SOLUTION


class SyncStatus(BaseModel):
    # BEGIN SOLUTION sources: one status per source
    sources: list[SourceStatus]
    # END SOLUTION


class SyncAccepted(BaseModel):
    # BEGIN SOLUTION source, status ("accepted"), status_url
    source: SourceName
    status: Literal["accepted"] = "accepted"
    status_url: str
    # END SOLUTION

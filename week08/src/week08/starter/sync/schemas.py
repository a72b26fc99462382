"""Bodies of the sync endpoints."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..items.schemas import SourceName


class SyncCounts(BaseModel):
    """TODO: received, inserted, updated, unchanged, invalid (ints)"""


class BreakerStatus(BaseModel):
    """TODO: state ("closed", "open", "half_open"), failures, retry_in (seconds or null)"""


class SourceStatus(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO: source, status, run times, last_error, consecutive_failures, not_modified, counts, breaker


class SyncStatus(BaseModel):
    """TODO: sources: one status per source"""


class SyncAccepted(BaseModel):
    """TODO: source, status ("accepted"), status_url"""

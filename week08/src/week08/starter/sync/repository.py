"""All SQL of sync states."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from ..items.schemas import UpsertCounts
from ..sources.base import FetchResult
from .models import SyncState


class SyncStateRepository:
    def __init__(self, session: AsyncSession) -> None:
        raise NotImplementedError("TODO: keep the session")

    async def get_or_create(self, source: str) -> SyncState:
        raise NotImplementedError("TODO: INSERT ON CONFLICT DO NOTHING, then SELECT")

    async def all(self) -> dict[str, SyncState]:
        raise NotImplementedError("TODO: every state, by source")

    async def record_success(
        self, source: str, result: FetchResult, counts: UpsertCounts, at: datetime
    ) -> SyncState:
        raise NotImplementedError("TODO: cursor, ETag, status ok/partial, times, counts; flush")

    async def record_failure(self, source: str, error: str, at: datetime) -> SyncState:
        """The run failed: say so, keep the cursor, ETag and counts of the last good run."""
        raise NotImplementedError("TODO: failed, time, error, failures + 1; keep the rest")

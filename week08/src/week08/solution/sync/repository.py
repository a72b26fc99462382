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
        # BEGIN SOLUTION keep the session
        self.session = session
        # END SOLUTION

    async def get_or_create(self, source: str) -> SyncState:
        # BEGIN SOLUTION INSERT ON CONFLICT DO NOTHING, then SELECT
        await self.session.execute(
            insert(SyncState)
            .values(source=source)
            .on_conflict_do_nothing(index_elements=["source"])
        )
        query = select(SyncState).where(SyncState.source == source)
        return (await self.session.scalars(query.execution_options(populate_existing=True))).one()
        # END SOLUTION

    async def all(self) -> dict[str, SyncState]:
        # BEGIN SOLUTION every state, by source
        return {s.source: s for s in await self.session.scalars(select(SyncState))}
        # END SOLUTION

    async def record_success(
        self, source: str, result: FetchResult, counts: UpsertCounts, at: datetime
    ) -> SyncState:
        # BEGIN SOLUTION cursor, ETag, status ok/partial, times, counts; flush
        state = await self.get_or_create(source)
        state.cursor, state.etag = result.cursor, result.etag
        state.status = "partial" if result.invalid else "ok"
        state.last_run_at = state.last_success_at = at
        state.last_error = None
        state.consecutive_failures = 0
        state.received, state.invalid = result.received, result.invalid
        state.inserted, state.updated = counts.inserted, counts.updated
        state.unchanged = counts.unchanged
        state.not_modified = result.not_modified
        await self.session.flush()
        return state
        # END SOLUTION

    async def record_failure(self, source: str, error: str, at: datetime) -> SyncState:
        """The run failed: say so, keep the cursor, ETag and counts of the last good run."""
        # BEGIN SOLUTION failed, time, error, failures + 1; keep the rest
        state = await self.get_or_create(source)
        state.status = "failed"
        state.last_run_at = at
        state.last_error = error[:1000]
        state.consecutive_failures += 1
        await self.session.flush()
        return state
        # END SOLUTION

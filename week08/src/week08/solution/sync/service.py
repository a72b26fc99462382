"""One sync of one source, a job with its own short transactions (its one place to commit): read the
cursor and ETag; fetch with no transaction open (a slow upstream must not hold a pooled connection);
store the items and the new state in ONE transaction, so the cursor never passes unstored records.
Failures are recorded in the state; stored data stays untouched."""

from datetime import UTC, datetime

import structlog
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ..items.repository import ItemRepository
from ..resilience.clock import Now, wall_clock
from ..resilience.errors import UpstreamError
from ..sources.base import Source
from .models import SyncState
from .repository import SyncStateRepository

logger = structlog.get_logger(__name__)


class SyncService:
    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], *, now: Now = wall_clock
    ) -> None:
        # BEGIN SOLUTION keep the arguments
        self.sessionmaker = sessionmaker
        self.now = now
        # END SOLUTION

    async def run(self, source: Source) -> SyncState:
        """Fetch from ``source`` and store; return the state after the run (ok/partial/failed)."""
        # BEGIN SOLUTION read state; fetch; store all in one tx
        started = datetime.fromtimestamp(self.now(), UTC)
        async with self.sessionmaker.begin() as session:
            state = await SyncStateRepository(session).get_or_create(source.name)
            cursor, etag = state.cursor, state.etag
        try:
            result = await source.fetch(cursor, etag)
        except UpstreamError as exc:
            logger.warning("sync_failed", source=source.name, error=str(exc))
            return await self.record_failure(source.name, exc.detail, started)
        try:
            async with self.sessionmaker.begin() as session:
                counts = await ItemRepository(session).upsert_many(result.items)
                state = await SyncStateRepository(session).record_success(
                    source.name, result, counts, started
                )
        except SQLAlchemyError as exc:
            logger.exception("sync_store_failed", source=source.name)
            return await self.record_failure(source.name, f"storing failed: {exc!r}", started)
        logger.info("synced", source=source.name, status=state.status, received=result.received)
        return state
        # END SOLUTION

    async def record_failure(self, source: str, error: str, at: datetime) -> SyncState:
        # BEGIN SOLUTION its own short transaction
        async with self.sessionmaker.begin() as session:
            return await SyncStateRepository(session).record_failure(source, error, at)
        # END SOLUTION

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
        raise NotImplementedError("TODO: keep the arguments")

    async def run(self, source: Source) -> SyncState:
        """Fetch from ``source`` and store; return the state after the run (ok/partial/failed)."""
        raise NotImplementedError("TODO: read state; fetch; store all in one tx")

    async def record_failure(self, source: str, error: str, at: datetime) -> SyncState:
        raise NotImplementedError("TODO: its own short transaction")

"""The pipeline's queries: report exports of one owner, the dead letters, the admin's counts."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import DeadLetter, ReportExport


class PipelineRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_report(self, owner_id: int, format: str) -> ReportExport:
        raise NotImplementedError("TODO: a queued ReportExport, flushed (its id is needed)")

    async def report(self, owner_id: int, report_id: int) -> ReportExport | None:
        """The owner's report (None for another user's: they must not learn that it exists)."""
        raise NotImplementedError("TODO: by id and owner, as committed now")

    async def dead_letter(self, dead_letter_id: int) -> DeadLetter | None:
        raise NotImplementedError("TODO: by id, locked (two replays at once: one wins)")

    async def open_dead_letters(self, limit: int = 100) -> Sequence[DeadLetter]:
        raise NotImplementedError("TODO: not replayed, newest first")

    async def failed_reports(self) -> int:
        raise NotImplementedError("TODO: count of reports with status failed")

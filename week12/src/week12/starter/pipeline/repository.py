"""The pipeline's queries: report exports of one owner, the dead letters, the admin's counts."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import DeadLetter, ReportExport


class PipelineRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_report(self, owner_id: int, format: str) -> ReportExport:
        report = ReportExport(owner_id=owner_id, format=format, status="queued")
        self.session.add(report)
        await self.session.flush()
        return report

    async def report(self, owner_id: int, report_id: int) -> ReportExport | None:
        """The owner's report (None for another user's: they must not learn that it exists)."""
        return await self.session.scalar(
            select(ReportExport)
            .where(ReportExport.id == report_id, ReportExport.owner_id == owner_id)
            .execution_options(populate_existing=True)
        )

    async def dead_letter(self, dead_letter_id: int) -> DeadLetter | None:
        return await self.session.get(DeadLetter, dead_letter_id, with_for_update=True)

    async def open_dead_letters(self, limit: int = 100) -> Sequence[DeadLetter]:
        rows = await self.session.scalars(
            select(DeadLetter)
            .where(DeadLetter.replayed_at.is_(None))
            .order_by(DeadLetter.id.desc())
            .limit(limit)
        )
        return rows.all()

    async def failed_reports(self) -> int:
        count = await self.session.scalar(
            select(func.count()).select_from(ReportExport).where(ReportExport.status == "failed")
        )
        return count or 0

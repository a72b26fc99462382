from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import Attachment


class AttachmentRepository(TenantRepository[Attachment]):
    model = Attachment

    # BEGIN SOLUTION task 10
    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[Attachment]:
        """A task's attachments, oldest first, ``limit + 1`` rows."""
        query = (
            self.scoped()
            .where(Attachment.task_id == task_id)
            .order_by(Attachment.id)
            .limit(limit + 1)
        )
        if after_id is not None:
            query = query.where(Attachment.id > after_id)
        return (await self.session.scalars(query)).all()

    # REPLACE WITH
    # # TODO (task 10): a task's attachments page by page, oldest first
    # END SOLUTION

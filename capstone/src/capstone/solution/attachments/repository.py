from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import Attachment


class AttachmentRepository(TenantRepository[Attachment]):
    model = Attachment

    async def of_task(self, task_id: int) -> Sequence[Attachment]:
        """A task's attachments, oldest first."""
        # BEGIN SOLUTION task 10
        query = self.scoped().where(Attachment.task_id == task_id).order_by(Attachment.id)
        return (await self.session.scalars(query)).all()
        # END SOLUTION

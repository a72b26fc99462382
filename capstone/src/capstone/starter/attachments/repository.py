from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import Attachment


class AttachmentRepository(TenantRepository[Attachment]):
    model = Attachment

    async def of_task(self, task_id: int) -> Sequence[Attachment]:
        """A task's attachments, oldest first."""
        raise NotImplementedError("TODO: task 10")

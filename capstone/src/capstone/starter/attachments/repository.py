from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import Attachment


class AttachmentRepository(TenantRepository[Attachment]):
    model = Attachment

    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[Attachment]:
        """A task's attachments, oldest first, ``limit + 1`` rows."""
        raise NotImplementedError("TODO: task 10")

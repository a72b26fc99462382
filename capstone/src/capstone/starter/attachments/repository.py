from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import Attachment


class AttachmentRepository(TenantRepository[Attachment]):
    model = Attachment

    # TODO (task 10): a task's attachments page by page, oldest first

"""Attachments of a task: start an upload (a presigned URL), complete it (check what arrived),
list them, and hand out a presigned download URL. The bytes never pass through the API."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from capstone.lectures.l3_storage import new_key

from ..audit.service import AuditLog
from ..errors import ConflictError, NotFoundError, UnacceptableFileError
from ..tasks.service import TaskService
from ..tenancy.dependencies import Tenant
from .models import Attachment, AttachmentStatus
from .repository import AttachmentRepository
from .schemas import AttachmentIn, AttachmentOut, Download, Upload, UploadStarted
from .storage import Storage


def attachment_out(attachment: Attachment) -> AttachmentOut:
    raise NotImplementedError("TODO: task 10")


class AttachmentService:
    def __init__(self, session: AsyncSession, tenant: Tenant, storage: Storage) -> None:
        raise NotImplementedError("TODO: task 10")

    async def start(self, task_id: int, body: AttachmentIn) -> UploadStarted:
        """A pending attachment and the presigned URL to upload its file to. The key is the
        server's choice (tenant prefix, random part): a client cannot overwrite another file."""
        raise NotImplementedError("TODO: task 10")

    async def _get(self, attachment_id: int) -> Attachment:
        """This organisation's attachment, on a live task, else 404."""
        raise NotImplementedError("TODO: task 10")

    async def complete(self, attachment_id: int) -> AttachmentOut:
        """Read what arrived (HEAD); a file that is not what was declared is deleted (422).
        Completing a stored attachment again checks it again and changes nothing."""
        raise NotImplementedError("TODO: task 10")

    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[AttachmentOut]:
        raise NotImplementedError("TODO: task 10")

    async def download(self, attachment_id: int) -> Download:
        """A presigned GET for a stored attachment; a pending one has no checked file yet (409)."""
        raise NotImplementedError("TODO: task 10")

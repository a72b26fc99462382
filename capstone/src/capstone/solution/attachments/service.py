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
    # BEGIN SOLUTION task 10
    return AttachmentOut(
        id=attachment.id,
        task_id=attachment.task_id,
        filename=attachment.filename,
        content_type=attachment.content_type,
        size=attachment.size,
        status=attachment.status,
        created_by=attachment.created_by,
        created_at=attachment.created_at,
    )
    # END SOLUTION


class AttachmentService:
    def __init__(self, session: AsyncSession, tenant: Tenant, storage: Storage) -> None:
        # BEGIN SOLUTION task 10
        self.tenant = tenant
        self.storage = storage
        self.tasks = TaskService(session, tenant)
        self.attachments = AttachmentRepository(session, tenant.org_id)
        self.audit = AuditLog(session, tenant)
        # END SOLUTION

    async def start(self, task_id: int, body: AttachmentIn) -> UploadStarted:
        """A pending attachment and the presigned URL to upload its file to. The key is the
        server's choice (tenant prefix, random part): a client cannot overwrite another file."""
        # BEGIN SOLUTION task 10
        await self.tasks.get(task_id)  # a live task of this organisation, else 404
        attachment = await self.attachments.add(
            task_id=task_id,
            key=new_key(self.tenant.org_id, body.filename),
            filename=body.filename,
            content_type=body.content_type.value,
            size=body.size,
            status=AttachmentStatus.pending,
            created_by=self.tenant.user_id,
        )
        out = attachment_out(attachment)
        await self.audit.record(
            "attachment.created", "attachment", attachment.id, None, out.model_dump(mode="json")
        )
        # The content type is signed into the URL: a PUT with another type is refused by the
        # storage. The size cannot be, so ``complete`` checks it.
        headers = {"Content-Type": attachment.content_type}
        upload = Upload(url=self.storage.upload_url(attachment.key, attachment.content_type),
                        headers=headers)  # fmt: skip
        return UploadStarted(attachment=out, upload=upload)
        # END SOLUTION

    async def _get(self, attachment_id: int) -> Attachment:
        """This organisation's attachment, on a live task, else 404."""
        # BEGIN SOLUTION task 10
        attachment = await self.attachments.get(attachment_id)
        if attachment is None:
            raise NotFoundError("no such attachment")
        await self.tasks.get(attachment.task_id)  # a deleted task's files are gone with it
        return attachment
        # END SOLUTION

    async def complete(self, attachment_id: int) -> AttachmentOut:
        """Read what arrived (HEAD); a file that is not what was declared is deleted (422).
        Completing a stored attachment again checks it again and changes nothing."""
        # BEGIN SOLUTION task 10
        attachment = await self._get(attachment_id)
        found = await self.storage.stat(attachment.key)
        if found is None:
            raise ConflictError("nothing was uploaded for this attachment yet")
        if (found.size, found.content_type) != (attachment.size, attachment.content_type):
            await self.storage.delete(attachment.key)
            raise UnacceptableFileError(
                f"the upload ({found.size} bytes of {found.content_type}) is not what was "
                f"declared ({attachment.size} bytes of {attachment.content_type}); upload it again"
            )
        if attachment.status == AttachmentStatus.pending:
            before = attachment_out(attachment).model_dump(mode="json")
            attachment.status = AttachmentStatus.stored
            after = attachment_out(attachment).model_dump(mode="json")
            await self.audit.record("attachment.stored", "attachment", attachment.id, before, after)
        return attachment_out(attachment)
        # END SOLUTION

    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[AttachmentOut]:
        # BEGIN SOLUTION task 10
        await self.tasks.get(task_id)
        rows = await self.attachments.page(task_id, limit, after_id)
        return [attachment_out(a) for a in rows]
        # END SOLUTION

    async def download(self, attachment_id: int) -> Download:
        """A presigned GET for a stored attachment; a pending one has no checked file yet (409)."""
        # BEGIN SOLUTION task 10
        attachment = await self._get(attachment_id)
        if attachment.status != AttachmentStatus.stored:
            raise ConflictError("the upload of this attachment is not complete")
        return Download(url=self.storage.download_url(attachment.key))
        # END SOLUTION

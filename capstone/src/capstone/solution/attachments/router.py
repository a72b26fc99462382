"""``/orgs/{org_id}/tasks/{task_id}/attachments`` and ``/orgs/{org_id}/attachments/{id}``: files
of a task, uploaded and downloaded straight to and from the storage with presigned URLs."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from ..dependencies import CursorCodecDep, SessionDep
from ..pagination import Page, paginate
from ..problems import problem_responses
from ..tasks.router import TaskId
from ..tenancy.dependencies import MAX_ID, MemberDep, ViewerDep
from .schemas import AttachmentIn, AttachmentOut, Download, UploadStarted
from .service import AttachmentService
from .storage import StorageDep

router = APIRouter(tags=["attachments"])
AttachmentId = Annotated[int, Path(ge=1, le=MAX_ID)]


# BEGIN SOLUTION
@router.post(
    "/orgs/{org_id}/tasks/{task_id}/attachments",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def start_upload(
    task_id: TaskId, body: AttachmentIn, tenant: MemberDep, session: SessionDep,
    storage: StorageDep,
) -> UploadStarted:  # fmt: skip
    """Declare a file; send it to the presigned ``upload.url``, then complete the attachment."""
    return await AttachmentService(session, tenant, storage).start(task_id, body)


# REPLACE WITH
# # TODO (task 10): the route POST /orgs/{org_id}/tasks/{task_id}/attachments
# END SOLUTION


# BEGIN SOLUTION
@router.post(
    "/orgs/{org_id}/attachments/{attachment_id}/complete",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def complete_upload(
    attachment_id: AttachmentId, tenant: MemberDep, session: SessionDep, storage: StorageDep
) -> AttachmentOut:
    """The file has been sent: 409 if nothing arrived, 422 (file deleted) if it is not what was
    declared, else the attachment is ``stored``."""
    return await AttachmentService(session, tenant, storage).complete(attachment_id)


# REPLACE WITH
# # TODO (task 10): the route POST /orgs/{org_id}/attachments/{attachment_id}/complete
# END SOLUTION


# BEGIN SOLUTION
@router.get(
    "/orgs/{org_id}/tasks/{task_id}/attachments",
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_attachments(
    task_id: TaskId,
    tenant: ViewerDep,
    session: SessionDep,
    storage: StorageDep,
    codec: CursorCodecDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[AttachmentOut]:
    """A task's attachments, oldest first (pending ones included: their upload may be under way);
    follow ``next_cursor`` for the next page."""
    key = f"attachments:{task_id}"
    after_id = codec.decode(cursor, key) if cursor else None
    rows = await AttachmentService(session, tenant, storage).page(task_id, limit, after_id)
    items, next_cursor = paginate(rows, limit, key, codec, lambda attachment: attachment.id)
    return Page[AttachmentOut](items=items, next_cursor=next_cursor)


# REPLACE WITH
# # TODO (task 10): the route GET /orgs/{org_id}/tasks/{task_id}/attachments
# END SOLUTION


# BEGIN SOLUTION
@router.get(
    "/orgs/{org_id}/attachments/{attachment_id}/download",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def download_attachment(
    attachment_id: AttachmentId, tenant: ViewerDep, session: SessionDep, storage: StorageDep
) -> Download:
    """A presigned URL to fetch the file from, valid for a few minutes."""
    return await AttachmentService(session, tenant, storage).download(attachment_id)


# REPLACE WITH
# # TODO (task 10): the route GET /orgs/{org_id}/attachments/{attachment_id}/download
# END SOLUTION

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


# TODO (task 10): the route POST /orgs/{org_id}/tasks/{task_id}/attachments


# TODO (task 10): the route POST /orgs/{org_id}/attachments/{attachment_id}/complete


# TODO (task 10): the route GET /orgs/{org_id}/tasks/{task_id}/attachments


# TODO (task 10): the route GET /orgs/{org_id}/attachments/{attachment_id}/download

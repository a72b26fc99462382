"""``/orgs/{org_id}/tasks/{task_id}/comments``: a task's conversation, oldest first;
``/orgs/{org_id}/comments/{comment_id}``: edit or delete one comment."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from ..dependencies import CursorCodecDep, SessionDep
from ..pagination import Page, paginate
from ..problems import problem_responses
from ..tasks.router import TaskId
from ..tenancy.dependencies import MAX_ID, MemberDep, ViewerDep
from .schemas import CommentIn, CommentOut
from .service import CommentService

router = APIRouter(tags=["comments"])
CommentId = Annotated[int, Path(ge=1, le=MAX_ID)]


# TODO (task 8): the route POST /orgs/{org_id}/tasks/{task_id}/comments


# TODO (task 8): the route GET /orgs/{org_id}/tasks/{task_id}/comments


# TODO (task 8): the route PATCH /orgs/{org_id}/comments/{comment_id}


# TODO (task 8): the route DELETE /orgs/{org_id}/comments/{comment_id}

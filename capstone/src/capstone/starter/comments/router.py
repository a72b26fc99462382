"""``/orgs/{org_id}/tasks/{task_id}/comments``: a task's conversation, oldest first."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from ..dependencies import CursorCodecDep, SessionDep
from ..pagination import Page, paginate
from ..problems import problem_responses
from ..tasks.router import TaskId
from ..tenancy.dependencies import MemberDep, ViewerDep
from .schemas import CommentIn, CommentOut
from .service import CommentService

router = APIRouter(tags=["comments"])


# TODO (task 8): the route POST /orgs/{org_id}/tasks/{task_id}/comments


# TODO (task 8): the route GET /orgs/{org_id}/tasks/{task_id}/comments

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


# BEGIN SOLUTION
@router.post(
    "/orgs/{org_id}/tasks/{task_id}/comments",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_comment(
    task_id: TaskId, body: CommentIn, tenant: MemberDep, session: SessionDep
) -> CommentOut:
    """Comment on a task; ``@address`` of a member of the organisation mentions them."""
    return await CommentService(session, tenant).create(task_id, body)


# REPLACE WITH
# # TODO (task 8): the route POST /orgs/{org_id}/tasks/{task_id}/comments
# END SOLUTION


# BEGIN SOLUTION
@router.get(
    "/orgs/{org_id}/tasks/{task_id}/comments", responses=problem_responses(400, 401, 403, 404, 422)
)
async def list_comments(
    task_id: TaskId,
    tenant: ViewerDep,
    session: SessionDep,
    codec: CursorCodecDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[CommentOut]:
    """Oldest first; follow ``next_cursor`` for the next page."""
    key = f"comments:{task_id}"
    after_id = codec.decode(cursor, key) if cursor else None
    rows = await CommentService(session, tenant).page(task_id, limit, after_id)
    items, next_cursor = paginate(rows, limit, key, codec, lambda comment: comment.id)
    return Page[CommentOut](items=items, next_cursor=next_cursor)


# REPLACE WITH
# # TODO (task 8): the route GET /orgs/{org_id}/tasks/{task_id}/comments
# END SOLUTION

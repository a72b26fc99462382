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


# BEGIN SOLUTION
@router.patch(
    "/orgs/{org_id}/comments/{comment_id}", responses=problem_responses(401, 403, 404, 422)
)
async def update_comment(
    comment_id: CommentId, body: CommentIn, tenant: MemberDep, session: SessionDep
) -> CommentOut:
    """Edit a comment (its author only); its @mentions are read again from the new body."""
    return await CommentService(session, tenant).update(comment_id, body)


# REPLACE WITH
# # TODO (task 8): the route PATCH /orgs/{org_id}/comments/{comment_id}
# END SOLUTION


# BEGIN SOLUTION
@router.delete(
    "/orgs/{org_id}/comments/{comment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_comment(comment_id: CommentId, tenant: MemberDep, session: SessionDep) -> None:
    """Delete a comment (its author, or an admin of the organisation)."""
    await CommentService(session, tenant).delete(comment_id)


# REPLACE WITH
# # TODO (task 8): the route DELETE /orgs/{org_id}/comments/{comment_id}
# END SOLUTION

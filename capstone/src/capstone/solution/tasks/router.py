"""``/orgs/{org_id}/tasks``: filtered, cursor-paginated lists; ``ETag``/``If-Match`` on items."""

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status
from pydantic import TypeAdapter

from ..caching.dependencies import PageCacheDep
from ..caching.fastpath import ViewerCallerDep, cached_page
from ..dependencies import ClockDep, CursorCodecDep, SessionDep
from ..errors import PreconditionFailedError
from ..idempotency import IdempotencyKeyHeader
from ..pagination import Page, paginate
from ..problems import problem_responses
from ..tenancy.dependencies import MAX_ID, MemberDep, Tenant, ViewerDep
from .models import Status
from .repository import TaskFilters
from .schemas import Label, TaskIn, TaskOut, TaskPatch
from .service import TaskService, etag

router = APIRouter(tags=["tasks"])
TaskId = Annotated[int, Path(ge=1, le=MAX_ID)]
FilterId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
READ_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 422)
TASK_PAGE = TypeAdapter(Page[TaskOut])


def parse_if_match(value: str | None) -> int | None:
    """``If-Match: "3"`` -> 3; a value this API never issued can never match: 412."""
    # BEGIN SOLUTION task 6
    if value is None:
        return None
    tag = value.strip().removeprefix("W/")
    if len(tag) < 3 or not (tag[0] == tag[-1] == '"') or not tag[1:-1].isdecimal():
        raise PreconditionFailedError(f"If-Match {value!r} is not an ETag of this API")
    return int(tag[1:-1])
    # END SOLUTION


# BEGIN SOLUTION
@router.get(
    "/orgs/{org_id}/tasks",
    response_model=Page[TaskOut],
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_tasks(
    caller: ViewerCallerDep,
    session: SessionDep,
    codec: CursorCodecDep,
    cache: PageCacheDep,
    response: Response,
    project_id: FilterId = None,
    status: Status | None = None,
    assignee_id: FilterId = None,
    label: Annotated[Label | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    """Newest first; follow ``next_cursor`` (with the same filters) for the next page."""
    filters = TaskFilters(project_id, status, assignee_id, label)

    async def load(tenant: Tenant) -> str:
        before_id = codec.decode(cursor, filters.key()) if cursor else None
        rows = await TaskService(session, tenant).page(filters, limit, before_id)
        page, next_cursor = paginate(rows, limit, filters.key(), codec, lambda task: task.id)
        body = Page[TaskOut](
            items=[TaskOut.model_validate(t) for t in page], next_cursor=next_cursor
        )
        return TASK_PAGE.dump_json(body).decode()

    # Every role sees the same list: one cached page per organisation and query, for all roles.
    # The cursor as sent (signed, so only a valid one was ever stored): a hit decodes nothing.
    params = {"filters": filters.key(), "limit": limit, "cursor": cursor}
    body = await cached_page(caller, session, cache, "tasks", params, load)
    return Response(body, media_type="application/json", headers=response.headers)


# REPLACE WITH
# # TODO (task 6): the route GET /orgs/{org_id}/tasks
# END SOLUTION


# BEGIN SOLUTION
@router.post("/orgs/{org_id}/tasks", status_code=status.HTTP_201_CREATED, responses=WRITE_ERRORS)
async def create_task(
    body: TaskIn,
    tenant: MemberDep,
    session: SessionDep,
    response: Response,
    idempotency_key: IdempotencyKeyHeader = None,
) -> TaskOut:
    """Create a task; with ``Idempotency-Key``, a retry (same key, same body) gets the first
    answer and creates nothing, the same key with another body is a 422."""
    created = await TaskService(session, tenant).create_once(body, idempotency_key)
    response.headers["ETag"] = created.etag
    return created.task


# REPLACE WITH
# # TODO (task 6): the route POST /orgs/{org_id}/tasks
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/tasks/{task_id}", responses=READ_ERRORS)
async def get_task(
    task_id: TaskId, tenant: ViewerDep, session: SessionDep, response: Response
) -> TaskOut:
    task = await TaskService(session, tenant).get(task_id)
    response.headers["ETag"] = etag(task)
    return TaskOut.model_validate(task)


# REPLACE WITH
# # TODO (task 6): the route GET /orgs/{org_id}/tasks/{task_id}
# END SOLUTION


# BEGIN SOLUTION
@router.patch("/orgs/{org_id}/tasks/{task_id}", responses=WRITE_ERRORS)
async def update_task(
    task_id: TaskId,
    body: TaskPatch,
    tenant: MemberDep,
    session: SessionDep,
    response: Response,
    if_match: Annotated[str | None, Header(max_length=100)] = None,
) -> TaskOut:
    """Change a task; with ``If-Match`` (the ``ETag`` of a GET) a concurrent change is a 412."""
    task = await TaskService(session, tenant).update(task_id, body, parse_if_match(if_match))
    response.headers["ETag"] = etag(task)
    return TaskOut.model_validate(task)


# REPLACE WITH
# # TODO (task 6): the route PATCH /orgs/{org_id}/tasks/{task_id}
# END SOLUTION


# BEGIN SOLUTION
@router.delete(
    "/orgs/{org_id}/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS
)
async def delete_task(
    task_id: TaskId, tenant: MemberDep, session: SessionDep, clock: ClockDep
) -> None:
    await TaskService(session, tenant).delete(task_id, clock())


# REPLACE WITH
# # TODO (task 6): the route DELETE /orgs/{org_id}/tasks/{task_id}
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/search", responses=READ_ERRORS)
async def search_tasks(
    tenant: ViewerDep,
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[^\x00]*$")],
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> list[TaskOut]:
    """Full-text search over the organisation's tasks: every word of ``q`` must match (the last
    one as a prefix, so results appear while typing), best match first (title above description)."""
    return [TaskOut.model_validate(t) for t in await TaskService(session, tenant).search(q, limit)]


# REPLACE WITH
# # TODO (task 9): the route GET /orgs/{org_id}/search
# END SOLUTION

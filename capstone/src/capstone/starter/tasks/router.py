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
    raise NotImplementedError("TODO: task 6")


# TODO (task 6): the route GET /orgs/{org_id}/tasks


# TODO (task 6): the route POST /orgs/{org_id}/tasks


# TODO (task 6): the route GET /orgs/{org_id}/tasks/{task_id}


# TODO (task 6): the route PATCH /orgs/{org_id}/tasks/{task_id}


# TODO (task 6): the route DELETE /orgs/{org_id}/tasks/{task_id}


# TODO (task 9): the route GET /orgs/{org_id}/search

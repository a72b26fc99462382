"""``/orgs/{org_id}/projects``: viewers read, members write."""

from typing import Annotated

from fastapi import APIRouter, Path, status

from ..dependencies import ClockDep, SessionDep
from ..problems import problem_responses
from ..tenancy.dependencies import MAX_ID, MemberDep, ViewerDep
from .schemas import ProjectIn, ProjectOut, ProjectPatch
from .service import ProjectService

router = APIRouter(tags=["projects"])
ProjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
READ_ERRORS = problem_responses(401, 403, 404, 422)
WRITE_ERRORS = problem_responses(401, 403, 404, 409, 422)


# TODO (task 5): the route GET /orgs/{org_id}/projects


# TODO (task 5): the route POST /orgs/{org_id}/projects


# TODO (task 5): the route GET /orgs/{org_id}/projects/{project_id}


# TODO (task 5): the route PATCH /orgs/{org_id}/projects/{project_id}


# TODO (task 5): the route DELETE /orgs/{org_id}/projects/{project_id}

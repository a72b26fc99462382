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


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/projects", responses=READ_ERRORS)
async def list_projects(tenant: ViewerDep, session: SessionDep) -> list[ProjectOut]:
    return [ProjectOut.model_validate(p) for p in await ProjectService(session, tenant).list()]


# REPLACE WITH
# # TODO (task 5): the route GET /orgs/{org_id}/projects
# END SOLUTION


# BEGIN SOLUTION
@router.post("/orgs/{org_id}/projects", status_code=status.HTTP_201_CREATED, responses=WRITE_ERRORS)
async def create_project(body: ProjectIn, tenant: MemberDep, session: SessionDep) -> ProjectOut:
    return ProjectOut.model_validate(await ProjectService(session, tenant).create(body))


# REPLACE WITH
# # TODO (task 5): the route POST /orgs/{org_id}/projects
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/projects/{project_id}", responses=READ_ERRORS)
async def get_project(project_id: ProjectId, tenant: ViewerDep, session: SessionDep) -> ProjectOut:
    return ProjectOut.model_validate(await ProjectService(session, tenant).get(project_id))


# REPLACE WITH
# # TODO (task 5): the route GET /orgs/{org_id}/projects/{project_id}
# END SOLUTION


# BEGIN SOLUTION
@router.patch("/orgs/{org_id}/projects/{project_id}", responses=WRITE_ERRORS)
async def update_project(
    project_id: ProjectId, body: ProjectPatch, tenant: MemberDep, session: SessionDep
) -> ProjectOut:
    project = await ProjectService(session, tenant).update(project_id, body)
    return ProjectOut.model_validate(project)


# REPLACE WITH
# # TODO (task 5): the route PATCH /orgs/{org_id}/projects/{project_id}
# END SOLUTION


# BEGIN SOLUTION
@router.delete(
    "/orgs/{org_id}/projects/{project_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_project(
    project_id: ProjectId, tenant: MemberDep, session: SessionDep, clock: ClockDep
) -> None:
    await ProjectService(session, tenant).delete(project_id, clock())


# REPLACE WITH
# # TODO (task 5): the route DELETE /orgs/{org_id}/projects/{project_id}
# END SOLUTION

"""HTTP layer of tasks: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from ..auth.dependencies import READ, WRITE
from ..fields import MAX_ID
from ..problems import problem_responses
from .dependencies import CachedTaskReadsDep, TaskServiceDep
from .schemas import TaskFilters, TaskIn, TaskPatch, TaskRead

router = APIRouter(prefix="/tasks", tags=["tasks"])
TaskId = Annotated[int, Path(ge=1, le=MAX_ID, description="The task's id")]
LOCATION = {"Location": {"description": "URL of the new task", "schema": {"type": "string"}}}


@router.post(
    "",
    dependencies=[WRITE],
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": LOCATION}, **problem_responses(400, 409, 422)},
)
async def create_task(
    data: TaskIn, service: TaskServiceDep, request: Request, response: Response
) -> TaskRead:
    task = await service.create(data)
    response.headers["Location"] = str(request.url_for("get_task", task_id=task.id))
    return TaskRead.model_validate(task)


@router.get("", dependencies=[READ], responses=problem_responses(422))
async def list_tasks(
    filters: Annotated[TaskFilters, Query()], reads: CachedTaskReadsDep
) -> list[TaskRead]:
    return await reads.search(filters)


@router.get("/{task_id}", dependencies=[READ], responses=problem_responses(404, 422))
async def get_task(task_id: TaskId, service: TaskServiceDep) -> TaskRead:
    return TaskRead.model_validate(await service.get(task_id))


@router.put("/{task_id}", dependencies=[WRITE], responses=problem_responses(400, 404, 409, 422))
async def replace_task(task_id: TaskId, data: TaskIn, service: TaskServiceDep) -> TaskRead:
    return TaskRead.model_validate(await service.replace(task_id, data))


@router.patch("/{task_id}", dependencies=[WRITE], responses=problem_responses(400, 404, 409, 422))
async def patch_task(task_id: TaskId, data: TaskPatch, service: TaskServiceDep) -> TaskRead:
    return TaskRead.model_validate(await service.patch(task_id, data))


@router.delete(
    "/{task_id}",
    dependencies=[WRITE],
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409, 422),
)
async def delete_task(task_id: TaskId, service: TaskServiceDep) -> None:
    await service.delete(task_id)

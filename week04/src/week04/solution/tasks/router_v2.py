"""HTTP layer of /api/v2/tasks: cursor pages, renamed fields, links and Idempotency-Key.

Same service as v1; this module only translates between v2's representation and the service.
"""

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from ..dependencies import CursorCodecDep, IdempotencyKeysDep
from ..fields import MAX_ID, Digits
from ..idempotency import IdempotencyKeyHeader, StoredResponse, fingerprint
from ..problems import problem_responses
from .dependencies import TaskServiceDep
from .models import Task
from .schemas_v2 import (
    V1_TO_V2,
    PageLinks,
    TaskInV2,
    TaskLinks,
    TaskPage,
    TaskPatchV2,
    TaskQueryV2,
    TaskReadV2,
    renamed,
)

router = APIRouter(prefix="/tasks", tags=["tasks"])
# BEGIN SOLUTION
TaskId = Annotated[int, Path(ge=1, le=MAX_ID, description="The task's id"), Digits]
LOCATION = {"Location": {"description": "URL of the new task", "schema": {"type": "string"}}}
REPLAYED = "Idempotent-Replayed"


def task_read(task: Task, request: Request) -> TaskReadV2:
    """The v2 representation of ``task``, with links to itself, its category and its tags."""
    links = TaskLinks(
        self=str(request.url_for("v2_get_task", task_id=task.id)),
        category=(
            str(request.url_for("get_category", category_id=task.category_id))
            if task.category_id is not None
            else None
        ),
        tags=[str(request.url_for("get_tag", tag_id=tag_id)) for tag_id in task.tag_ids],
    )
    return TaskReadV2(**renamed(asdict(task), V1_TO_V2), links=links)


@router.post(
    "",
    name="v2_create_task",
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": LOCATION}, **problem_responses(400, 422)},
)
async def create_task(
    data: TaskInV2,
    service: TaskServiceDep,
    keys: IdempotencyKeysDep,
    request: Request,
    response: Response,
    idempotency_key: IdempotencyKeyHeader = None,
) -> TaskReadV2:
    request_fingerprint = fingerprint(data)
    if idempotency_key is not None:
        stored = await keys.replay(idempotency_key, request_fingerprint)
        if stored is not None:
            response.headers.update({"Location": stored.location, REPLAYED: "true"})
            return TaskReadV2.model_validate(stored.body)
    body = task_read(await service.create(data.to_v1()), request)
    response.headers["Location"] = body.links.self
    if idempotency_key is not None:
        saved = StoredResponse(request_fingerprint, body.model_dump(mode="json"), body.links.self)
        await keys.save(idempotency_key, saved)
    return body


@router.get("", name="v2_list_tasks", responses=problem_responses(400, 422))
async def list_tasks(
    query: Annotated[TaskQueryV2, Query()],
    service: TaskServiceDep,
    codec: CursorCodecDep,
    request: Request,
) -> TaskPage:
    after = codec.decode(query.cursor, query.sort) if query.cursor is not None else None
    tasks, next_key = await service.page(query.filters(), query.sort, after, query.limit)
    next_cursor = codec.encode(query.sort, next_key) if next_key is not None else None
    next_url = request.url.include_query_params(cursor=next_cursor) if next_cursor else None
    return TaskPage(
        items=[task_read(task, request) for task in tasks],
        next_cursor=next_cursor,
        links=PageLinks(self=str(request.url), next=str(next_url) if next_url else None),
    )


@router.get("/{task_id}", name="v2_get_task", responses=problem_responses(404, 422))
async def get_task(task_id: TaskId, service: TaskServiceDep, request: Request) -> TaskReadV2:
    return task_read(await service.get(task_id), request)


@router.put("/{task_id}", name="v2_replace_task", responses=problem_responses(400, 404, 422))
async def replace_task(
    task_id: TaskId, data: TaskInV2, service: TaskServiceDep, request: Request
) -> TaskReadV2:
    return task_read(await service.replace(task_id, data.to_v1()), request)


@router.patch("/{task_id}", name="v2_patch_task", responses=problem_responses(400, 404, 422))
async def patch_task(
    task_id: TaskId, data: TaskPatchV2, service: TaskServiceDep, request: Request
) -> TaskReadV2:
    return task_read(await service.patch(task_id, data.to_v1()), request)


@router.delete(
    "/{task_id}",
    name="v2_delete_task",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 422),
)
async def delete_task(task_id: TaskId, service: TaskServiceDep) -> None:
    await service.delete(task_id)


# END SOLUTION

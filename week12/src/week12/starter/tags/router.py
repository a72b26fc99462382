"""HTTP layer of tags: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from ..auth.dependencies import READ, WRITE
from ..fields import MAX_ID
from ..problems import problem_responses
from .dependencies import TagServiceDep
from .schemas import TagIn, TagRead

router = APIRouter(prefix="/tags", tags=["tags"])
TagId = Annotated[int, Path(ge=1, le=MAX_ID, description="The tag's id")]
LOCATION = {"Location": {"description": "URL of the new tag", "schema": {"type": "string"}}}


@router.post(
    "",
    dependencies=[WRITE],
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": LOCATION}, **problem_responses(400, 409, 422)},
)
async def create_tag(
    data: TagIn, service: TagServiceDep, request: Request, response: Response
) -> TagRead:
    tag = await service.create(data)
    response.headers["Location"] = str(request.url_for("get_tag", tag_id=tag.id))
    return TagRead.model_validate(tag)


@router.get("", dependencies=[READ])
async def list_tags(service: TagServiceDep) -> list[TagRead]:
    return [TagRead.model_validate(c) for c in await service.list_all()]


@router.get("/{tag_id}", dependencies=[READ], responses=problem_responses(404, 422))
async def get_tag(tag_id: TagId, service: TagServiceDep) -> TagRead:
    return TagRead.model_validate(await service.get(tag_id))


@router.put("/{tag_id}", dependencies=[WRITE], responses=problem_responses(400, 404, 409, 422))
async def replace_tag(tag_id: TagId, data: TagIn, service: TagServiceDep) -> TagRead:
    return TagRead.model_validate(await service.replace(tag_id, data))


@router.delete(
    "/{tag_id}",
    dependencies=[WRITE],
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409, 422),
)
async def delete_tag(tag_id: TagId, service: TagServiceDep) -> None:
    await service.delete(tag_id)

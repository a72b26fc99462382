"""HTTP layer of tags: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from ..fields import MAX_ID, Digits
from ..problems import problem_responses
from .dependencies import TagServiceDep
from .schemas import TagIn, TagRead

router = APIRouter(prefix="/tags", tags=["tags"])
TagId = Annotated[int, Path(ge=1, le=MAX_ID, description="The tag's id"), Digits]
LOCATION = {"Location": {"description": "URL of the new tag", "schema": {"type": "string"}}}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": LOCATION}, **problem_responses(400, 409, 422)},
)
async def create_tag(
    data: TagIn, service: TagServiceDep, request: Request, response: Response
) -> TagRead:
    raise NotImplementedError("TODO: create; set Location (request.url_for); return it")


@router.get("")
async def list_tags(service: TagServiceDep) -> list[TagRead]:
    raise NotImplementedError("TODO: return every tag")


@router.get("/{tag_id}", responses=problem_responses(404, 422))
async def get_tag(tag_id: TagId, service: TagServiceDep) -> TagRead:
    raise NotImplementedError("TODO: return the tag")


@router.put("/{tag_id}", responses=problem_responses(400, 404, 409, 422))
async def replace_tag(tag_id: TagId, data: TagIn, service: TagServiceDep) -> TagRead:
    raise NotImplementedError("TODO: replace the tag and return it")


@router.delete(
    "/{tag_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409, 422),
)
async def delete_tag(tag_id: TagId, service: TagServiceDep) -> None:
    raise NotImplementedError("TODO: delete the tag")

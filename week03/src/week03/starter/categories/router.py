"""HTTP layer of categories: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from ..fields import MAX_ID, Digits
from ..problems import problem_responses
from .dependencies import CategoryServiceDep
from .schemas import CategoryIn, CategoryRead

router = APIRouter(prefix="/categories", tags=["categories"])
CategoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="The category's id"), Digits]
LOCATION = {"Location": {"description": "URL of the new category", "schema": {"type": "string"}}}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": LOCATION}, **problem_responses(400, 409, 422)},
)
async def create_category(
    data: CategoryIn, service: CategoryServiceDep, request: Request, response: Response
) -> CategoryRead:
    raise NotImplementedError("TODO: create; set Location (request.url_for); return it")


@router.get("")
async def list_categories(service: CategoryServiceDep) -> list[CategoryRead]:
    raise NotImplementedError("TODO: return every category")


@router.get("/{category_id}", responses=problem_responses(404, 422))
async def get_category(category_id: CategoryId, service: CategoryServiceDep) -> CategoryRead:
    raise NotImplementedError("TODO: return the category")


@router.put("/{category_id}", responses=problem_responses(400, 404, 409, 422))
async def replace_category(
    category_id: CategoryId, data: CategoryIn, service: CategoryServiceDep
) -> CategoryRead:
    raise NotImplementedError("TODO: replace the category and return it")


@router.delete(
    "/{category_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409, 422),
)
async def delete_category(category_id: CategoryId, service: CategoryServiceDep) -> None:
    raise NotImplementedError("TODO: delete the category")

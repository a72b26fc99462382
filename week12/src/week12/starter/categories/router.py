"""HTTP layer of categories: parse the request, call the service, shape the response. No rules."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status

from ..auth.dependencies import READ, WRITE
from ..fields import MAX_ID
from ..problems import problem_responses
from .dependencies import CategoryServiceDep
from .schemas import CategoryIn, CategoryRead

router = APIRouter(prefix="/categories", tags=["categories"])
CategoryId = Annotated[int, Path(ge=1, le=MAX_ID, description="The category's id")]
LOCATION = {"Location": {"description": "URL of the new category", "schema": {"type": "string"}}}


@router.post(
    "",
    dependencies=[WRITE],
    status_code=status.HTTP_201_CREATED,
    responses={201: {"headers": LOCATION}, **problem_responses(400, 409, 422)},
)
async def create_category(
    data: CategoryIn, service: CategoryServiceDep, request: Request, response: Response
) -> CategoryRead:
    category = await service.create(data)
    response.headers["Location"] = str(request.url_for("get_category", category_id=category.id))
    return CategoryRead.model_validate(category)


@router.get("", dependencies=[READ])
async def list_categories(service: CategoryServiceDep) -> list[CategoryRead]:
    return [CategoryRead.model_validate(c) for c in await service.list_all()]


@router.get("/{category_id}", dependencies=[READ], responses=problem_responses(404, 422))
async def get_category(category_id: CategoryId, service: CategoryServiceDep) -> CategoryRead:
    return CategoryRead.model_validate(await service.get(category_id))


@router.put("/{category_id}", dependencies=[WRITE], responses=problem_responses(400, 404, 409, 422))
async def replace_category(
    category_id: CategoryId, data: CategoryIn, service: CategoryServiceDep
) -> CategoryRead:
    return CategoryRead.model_validate(await service.replace(category_id, data))


@router.delete(
    "/{category_id}",
    dependencies=[WRITE],
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404, 409, 422),
)
async def delete_category(category_id: CategoryId, service: CategoryServiceDep) -> None:
    await service.delete(category_id)

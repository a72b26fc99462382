"""The unified read API: every source's records in one shape, newest first, cursor-paginated."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ..dependencies import ItemServiceDep
from ..problems import problem_responses
from .schemas import MAX_BIGINT, ItemKind, ItemPage, ItemRead, PageLinks, SourceName

router = APIRouter(prefix="/items", tags=["items"])


@router.get("", responses=problem_responses(400, 422))
async def list_items(
    request: Request, service: ItemServiceDep, source: SourceName | None = None,
    kind: ItemKind | None = None, limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> ItemPage:  # fmt: skip
    """Items of every source (or one ``source``/``kind``); follow ``links.next`` for more."""
    # BEGIN SOLUTION a page from the service; links.next from the URL
    items, next_cursor = await service.page(source=source, kind=kind, limit=limit, cursor=cursor)
    next_url = str(request.url.include_query_params(cursor=next_cursor)) if next_cursor else None
    return ItemPage(
        items=[ItemRead.model_validate(item) for item in items],
        next_cursor=next_cursor,
        links=PageLinks(next=next_url),
    )
    # END SOLUTION


@router.get("/{item_id}", responses=problem_responses(404, 422))
async def get_item(
    item_id: Annotated[int, Path(ge=1, le=MAX_BIGINT)], service: ItemServiceDep
) -> ItemRead:
    # BEGIN SOLUTION the service's item as ItemRead
    return ItemRead.model_validate(await service.get(item_id))
    # END SOLUTION

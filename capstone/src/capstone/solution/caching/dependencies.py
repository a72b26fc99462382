"""The cache as a dependency (``app.state.page_cache``, made by ``create_app``)."""

from typing import Annotated

from fastapi import Depends, Request

from .pages import PageCache


async def get_page_cache(request: Request) -> PageCache:
    cache: PageCache = request.app.state.page_cache
    return cache


PageCacheDep = Annotated[PageCache, Depends(get_page_cache)]

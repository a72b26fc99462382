"""App-wide dependencies: the store and one repository per domain, as ``Annotated`` aliases.

Week 06 swaps ``StoreDep`` for a database ``SessionDep`` and the in-memory repositories for
PostgreSQL ones; routers and services do not change.
"""

from typing import Annotated

from fastapi import Depends, Request

from .categories.repository import CategoryRepository, InMemoryCategoryRepository
from .idempotency import IdempotencyKeys
from .pagination import CursorCodec
from .storage import InMemoryStore
from .tags.repository import InMemoryTagRepository, TagRepository
from .tasks.repository import InMemoryTaskRepository, TaskRepository


# `async def` on purpose: FastAPI runs plain `def` dependencies in a thread pool (a thread hop each).
async def get_store(request: Request) -> InMemoryStore:
    store: InMemoryStore = request.app.state.store
    return store


StoreDep = Annotated[InMemoryStore, Depends(get_store)]


async def get_task_repository(store: StoreDep) -> TaskRepository:
    return InMemoryTaskRepository(store)


async def get_category_repository(store: StoreDep) -> CategoryRepository:
    return InMemoryCategoryRepository(store)


async def get_tag_repository(store: StoreDep) -> TagRepository:
    return InMemoryTagRepository(store)


TaskRepositoryDep = Annotated[TaskRepository, Depends(get_task_repository)]
CategoryRepositoryDep = Annotated[CategoryRepository, Depends(get_category_repository)]
TagRepositoryDep = Annotated[TagRepository, Depends(get_tag_repository)]


async def get_idempotency_keys(store: StoreDep) -> IdempotencyKeys:
    # BEGIN SOLUTION IdempotencyKeys over the store's idempotency_keys
    return IdempotencyKeys(store.idempotency_keys)
    # END SOLUTION


async def get_cursor_codec(request: Request) -> CursorCodec:
    # BEGIN SOLUTION a CursorCodec with the app's cursor_secret (app.state)
    return CursorCodec(request.app.state.cursor_secret)
    # END SOLUTION


IdempotencyKeysDep = Annotated[IdempotencyKeys, Depends(get_idempotency_keys)]
CursorCodecDep = Annotated[CursorCodec, Depends(get_cursor_codec)]

"""App-wide dependencies: the store and one repository per domain, as ``Annotated`` aliases.

Week 06 swaps ``StoreDep`` for a database ``SessionDep`` and the in-memory repositories for
PostgreSQL ones; routers and services do not change.
"""

from typing import Annotated

from fastapi import Depends, Request

from .categories.repository import CategoryRepository, InMemoryCategoryRepository
from .storage import InMemoryStore
from .tags.repository import InMemoryTagRepository, TagRepository
from .tasks.repository import InMemoryTaskRepository, TaskRepository


# `async def` on purpose: FastAPI runs plain `def` dependencies in a thread pool (a thread hop each).
async def get_store(request: Request) -> InMemoryStore:
    store: InMemoryStore = request.app.state.store
    return store


StoreDep = Annotated[InMemoryStore, Depends(get_store)]


async def get_task_repository(store: StoreDep) -> TaskRepository:
    raise NotImplementedError("TODO: the in-memory task repository on this store")


async def get_category_repository(store: StoreDep) -> CategoryRepository:
    raise NotImplementedError("TODO: the in-memory category repository on this store")


async def get_tag_repository(store: StoreDep) -> TagRepository:
    raise NotImplementedError("TODO: the in-memory tag repository on this store")


TaskRepositoryDep = Annotated[TaskRepository, Depends(get_task_repository)]
CategoryRepositoryDep = Annotated[CategoryRepository, Depends(get_category_repository)]
TagRepositoryDep = Annotated[TagRepository, Depends(get_tag_repository)]

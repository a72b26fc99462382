"""The PostgreSQL repositories of categories and tags (task 1), on the migrated test database."""

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module

pytestmark = pytest.mark.task(1)
categories = impl_module("week07", "categories.repository")
category_schemas = impl_module("week07", "categories.schemas")
tags = impl_module("week07", "tags.repository")
tag_schemas = impl_module("week07", "tags.schemas")

NAMED = [
    (categories.SqlCategoryRepository, category_schemas.CategoryIn),
    (tags.SqlTagRepository, tag_schemas.TagIn),
]


@pytest.mark.parametrize(("repo_class", "make"), NAMED)
async def test_add_get_list(db_session: AsyncSession, repo_class: type, make: type) -> None:
    repo = repo_class(db_session)

    first = await repo.add(make(name="Work"))
    second = await repo.add(make(name="Home"))

    assert first.id is not None  # the INSERT ran: the identity column gave it an id
    assert second.id > first.id
    assert await repo.get(first.id) is first  # the session's identity map: one object per row
    assert await repo.get(second.id + 1000) is None
    assert [row.name for row in await repo.list_all()] == ["Work", "Home"]


@pytest.mark.parametrize(("repo_class", "make"), NAMED)
async def test_get_by_name_ignores_case(
    db_session: AsyncSession, repo_class: type, make: type
) -> None:
    repo = repo_class(db_session)
    work = await repo.add(make(name="Work"))

    assert await repo.get_by_name("wORK") is work
    assert await repo.get_by_name("Play") is None


@pytest.mark.parametrize(("repo_class", "make"), NAMED)
async def test_replace_and_delete_reach_the_database(
    db_session: AsyncSession, repo_class: type, make: type
) -> None:
    repo = repo_class(db_session)
    row = await repo.add(make(name="Old"))
    other = await repo.add(make(name="Other"))

    await repo.replace(row, make(name="New"))
    await repo.delete(other)
    db_session.expunge_all()  # forget the objects: what follows is read from PostgreSQL

    assert [item.name for item in await repo.list_all()] == ["New"]
    assert await repo.get(other.id) is None


async def test_category_replace_resets_the_description(db_session: AsyncSession) -> None:
    repo = categories.SqlCategoryRepository(db_session)
    CategoryIn = category_schemas.CategoryIn
    category = await repo.add(CategoryIn(name="A", description="old"))

    await repo.replace(category, CategoryIn(name="A"))
    db_session.expunge_all()

    assert (await repo.get(category.id)).description is None


async def test_ids_are_never_reused(db_session: AsyncSession) -> None:
    repo = tags.SqlTagRepository(db_session)
    gone = await repo.add(tag_schemas.TagIn(name="gone"))
    await repo.delete(gone)

    assert (await repo.add(tag_schemas.TagIn(name="next"))).id > gone.id


async def test_the_database_enforces_unique_names_ignoring_case(db_session: AsyncSession) -> None:
    from sqlalchemy.exc import IntegrityError

    repo: Any = tags.SqlTagRepository(db_session)
    await repo.add(tag_schemas.TagIn(name="urgent"))

    # Two requests racing past the service's check would both insert: the unique index on
    # lower(name) refuses the second one.
    with pytest.raises(IntegrityError, match="uq_tags_name_lower"):
        await repo.add(tag_schemas.TagIn(name="URGENT"))

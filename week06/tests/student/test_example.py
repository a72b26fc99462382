"""Your tests of the storage layer. This one is an example: add yours beside it.

A good test here fails when the database layer breaks a rule of the brief: what a commit keeps and
a failed request leaves behind, which rows a filter or a page returns, what a delete cascades or
refuses, how many queries a list costs, the status code a constraint becomes. ``make check-week 6``
runs your tests against copies of the reference solution with realistic bugs planted in them and
tells you how many your tests caught.
"""

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module


async def test_creating_a_tag_answers_201_with_its_id(client: httpx.AsyncClient) -> None:
    created = await client.post("/tags", json={"name": "urgent"})

    assert created.status_code == 201
    assert created.json()["name"] == "urgent"
    assert created.json()["id"] >= 1


async def test_the_repository_finds_a_tag_by_name_ignoring_case(session: AsyncSession) -> None:
    repository = impl_module("week06", "tags.repository").SqlTagRepository(session)
    schemas = impl_module("week06", "tags.schemas")

    added = await repository.add(schemas.TagIn(name="Later"))

    found = await repository.get_by_name("LATER")
    assert found is not None
    assert found.id == added.id

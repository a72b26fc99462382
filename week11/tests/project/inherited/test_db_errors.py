"""Inherited guard (0 points) under task 2: these requests create tasks, so they fail until
``TaskService.create`` writes its outbox message.

Database errors are translated in one place (``db_errors.app_error``).

Every error here is a real one from PostgreSQL: each test breaks a constraint behind the
services' backs, as a concurrent request would between a service's check and its write.
"""

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from testkit import impl_module

pytestmark = [pytest.mark.task(2), pytest.mark.points(0)]  # inherited: a guard, no points
db_errors = impl_module("week11", "db_errors")
errors = impl_module("week11", "errors")
Category = impl_module("week11", "categories.models").Category
Tag = impl_module("week11", "tags.models").Tag
models = impl_module("week11", "tasks.models")
# The table every owner_id refers to: run alone, nothing else would load it.
impl_module("week11", "users.models")


@pytest.fixture
async def owner(db_session: AsyncSession) -> int:
    """A user to own the rows (week 9: every row has one)."""
    insert = text(
        "INSERT INTO users (email, password_hash) VALUES ('o@example.com', '!') RETURNING id"
    )
    return int((await db_session.execute(insert)).scalar_one())


def task(owner: int, **fields: Any) -> Any:
    now = datetime.now(UTC)
    return models.Task(
        title="t", status="todo", priority="low", created_at=now, updated_at=now,
        owner_id=owner, **fields,
    )  # fmt: skip


async def failure(session: AsyncSession, *objects: Any, statement: Any = None) -> DBAPIError:
    """The error PostgreSQL raises for adding ``objects`` (or running ``statement``), inside a
    savepoint so that the test's transaction goes on."""
    try:
        async with session.begin_nested():
            session.add_all(objects)
            await session.flush()
            if statement is not None:
                await session.execute(statement)
    except DBAPIError as exc:
        return exc
    raise AssertionError("PostgreSQL accepted it")


async def test_a_name_taken_meanwhile_is_a_409(db_session: AsyncSession, owner: int) -> None:
    db_session.add(Category(name="Work", owner_id=owner))
    await db_session.flush()

    error = db_errors.app_error(await failure(db_session, Category(name="WORK", owner_id=owner)))

    assert isinstance(error, errors.ConflictError)
    assert error.detail == "A category with this name already exists"


@pytest.mark.parametrize("field", ["category_id", "tag_ids"])
async def test_a_reference_deleted_meanwhile_is_a_422_naming_the_field(
    db_session: AsyncSession, owner: int, field: str
) -> None:
    doomed = task(owner, category_id=2_000_000_000) if field == "category_id" else task(owner)
    if field == "tag_ids":
        doomed.tag_ids = [2_000_000_000]

    error = db_errors.app_error(await failure(db_session, doomed))

    assert isinstance(error, errors.InvalidReferenceError)
    assert error.field == field
    assert "does not exist" in error.detail


async def test_a_row_used_meanwhile_cannot_be_deleted_409(
    db_session: AsyncSession, owner: int
) -> None:
    category = Category(name="Busy", owner_id=owner)
    db_session.add(category)
    await db_session.flush()
    db_session.add(task(owner, category_id=category.id))
    await db_session.flush()

    exc = await failure(db_session, statement=delete(Category).where(Category.id == category.id))
    error = db_errors.app_error(exc)

    assert isinstance(error, errors.ConflictError)
    assert "used by tasks" in error.detail


async def test_any_other_database_error_is_a_bug(db_session: AsyncSession, owner: int) -> None:
    too_long = await failure(db_session, Tag(name="x" * 31, owner_id=owner))  # VARCHAR(30)

    assert db_errors.app_error(too_long) is None  # a 500: our validation let it through


async def raised(session: AsyncSession, sqlstate: str) -> DBAPIError:
    """A real error with this SQLSTATE, raised by the server (as a deadlock would be)."""
    raise_it = text(f"DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '{sqlstate}'; END $$")
    return await failure(session, statement=raise_it)


@pytest.mark.parametrize(
    ("sqlstate", "transient"), [("40P01", True), ("40001", True), ("23505", False)]
)
async def test_deadlocks_and_serialization_failures_are_transient(
    db_session: AsyncSession, sqlstate: str, transient: bool
) -> None:
    assert db_errors.is_transient(await raised(db_session, sqlstate)) is transient


def test_a_row_changed_under_an_update_is_transient() -> None:
    assert db_errors.is_transient(StaleDataError("UPDATE matched 0 rows"))
    assert not db_errors.is_transient(ValueError("a bug"))

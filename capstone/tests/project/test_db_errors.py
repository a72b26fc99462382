"""Database errors mapped in one place: the constraint the race broke names the answer."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from testkit import impl_module

from .conftest import Org

db_errors = impl_module("capstone", "db_errors")
errors = impl_module("capstone", "errors")
pytestmark = pytest.mark.task(0)


async def violation(db: AsyncConnection, statement: str, **values: object) -> DBAPIError:
    savepoint = await db.begin_nested()
    with pytest.raises(DBAPIError) as caught:
        await db.execute(text(statement), values)
    await savepoint.rollback()
    return caught.value


async def test_a_foreign_key_violation_is_a_422_naming_the_field(
    db_connection: AsyncConnection, acme: Org
) -> None:
    exc = await violation(db_connection, "INSERT INTO tasks (org_id, project_id, title) VALUES (:o, :p, 't')",
                          o=acme.id, p=2**62)  # fmt: skip
    error = db_errors.app_error(exc)
    assert isinstance(error, errors.InvalidReferenceError)
    assert error.field == "project_id"


async def test_a_unique_violation_is_a_409_and_anything_else_a_bug(
    db_connection: AsyncConnection, acme: Org
) -> None:
    taken = await violation(
        db_connection,
        "INSERT INTO projects (org_id, name) VALUES (:o, 'SECRET OF ACME')",
        o=acme.id,
    )
    assert isinstance(db_errors.app_error(taken), errors.ConflictError)
    check = await violation(
        db_connection, "UPDATE tasks SET status = 'lost' WHERE id = :t", t=acme.task_id
    )
    assert db_errors.app_error(check) is None

"""Project fixtures: the schema under test (solution or starter) loaded once, with the dataset.

Each test gets a connection inside a transaction that is rolled back afterwards, so tests may
insert, update and delete freely and never see each other's changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import psycopg
import pytest
from psycopg import sql
from week05.pg import Connection

from testkit import impl_module

SCHEMA = "project"


@pytest.fixture(scope="session")
def runner() -> ModuleType:
    return impl_module("week05", "runner")


@pytest.fixture(scope="session")
def project_schema(postgres_url: str, runner: ModuleType) -> Iterator[str]:
    """Schema ``project`` with the implementation's schema.sql and the grading dataset."""
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SCHEMA)))
        try:
            try:
                with (
                    psycopg.connect(postgres_url, options=f"-c search_path={SCHEMA}") as conn,
                    conn.transaction(),
                ):
                    conn.execute("SET client_min_messages = warning")
                    runner.load_schema(conn)
                    runner.load_dataset(conn)
            except psycopg.Error as exc:
                pytest.fail(f"schema.sql with the dataset could not be loaded: {exc}")
            yield SCHEMA
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(SCHEMA)))


@pytest.fixture
def db(postgres_url: str, project_schema: str) -> Iterator[Connection]:
    """A connection to the project schema in a transaction that is always rolled back."""
    options = f"-c search_path={project_schema} -c TimeZone=UTC"
    # An explicit outer transaction: the tests' own ``conn.transaction()`` blocks become
    # savepoints inside it instead of committing.
    with (
        psycopg.connect(postgres_url, options=options) as conn,
        conn.transaction(force_rollback=True),
    ):
        yield conn

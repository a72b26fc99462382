"""Project fixtures: the implementation's schema.sql, loaded once, and a rolled-back transaction
per test.

Nothing here fails: a schema that does not load (or is still a TODO) is recorded, and each test
reports it in its own body (``Project.require``), so the starter fails test by test, naming what
is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType

import psycopg
import pytest
from psycopg import sql
from week05.pg import Connection

from testkit import impl_module

from .contract import Setup, attempt, require

SCHEMA = "project"


@pytest.fixture(scope="session")
def runner() -> ModuleType:
    return impl_module("week05", "runner")


@pytest.fixture(scope="session")
def project_schema(postgres_url: str, runner: ModuleType) -> Iterator[Setup]:
    """Schema ``project`` with the implementation's schema.sql (or the reason it did not load)."""

    def load() -> None:
        with (
            psycopg.connect(postgres_url, options=f"-c search_path={SCHEMA}") as conn,
            conn.transaction(),
        ):
            conn.execute("SET client_min_messages = warning")
            runner.load_schema(conn)

    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SCHEMA)))
        try:
            yield attempt("schema.sql does not load", load)
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(SCHEMA)))


@dataclass(frozen=True)
class Project:
    """A test's connection to the project schema, and the checks that come before the test."""

    conn: Connection
    schema: Setup
    runner: ModuleType

    def require(self, *tables: str) -> Connection:
        """The connection, once schema.sql loaded and has the contract's ``tables`` (default all)."""
        self.schema.ready()
        require(self.conn, *tables)
        return self.conn

    def with_dataset(self) -> Connection:
        """The connection with dataset.sql inserted (rolled back with the test)."""
        db = self.require()
        try:
            with db.transaction():
                self.runner.load_dataset(db)
        except psycopg.Error as exc:
            raise AssertionError(
                f"dataset.sql does not load into your schema: {type(exc).__name__}: {exc}"
            ) from None
        return db


@pytest.fixture
def project(postgres_url: str, project_schema: Setup, runner: ModuleType) -> Iterator[Project]:
    """The project schema in a transaction that is always rolled back."""
    options = f"-c search_path={SCHEMA} -c TimeZone=UTC"
    # An explicit outer transaction: the tests' own ``conn.transaction()`` blocks become
    # savepoints inside it instead of committing.
    with (
        psycopg.connect(postgres_url, options=options) as conn,
        conn.transaction(force_rollback=True),
    ):
        yield Project(conn, project_schema, runner)


@dataclass(frozen=True)
class Filled:
    """A connection to a schema filled by a module's fixture, and how the filling went."""

    conn: Connection
    setup: Setup

    def ready(self) -> Connection:
        """The connection, or the reason the schema could not be filled (in the test's body)."""
        self.setup.ready()
        return self.conn


@contextmanager
def filled_schema(
    postgres_url: str, runner: ModuleType, name: str, what: str, fill: Callable[[Connection], None]
) -> Iterator[Filled]:
    """Schema ``name`` with the implementation's schema.sql and what ``fill`` adds, in one
    transaction that is rolled back at the end: the schema and its rows disappear with it."""
    with psycopg.connect(postgres_url) as conn:

        def prepare() -> None:
            conn.execute("SET client_min_messages = warning")
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
            conn.execute(sql.SQL("SET LOCAL search_path = {}").format(sql.Identifier(name)))
            runner.load_schema(conn)
            require(conn)
            fill(conn)

        setup = attempt(what, prepare)
        if setup.kind is not None:
            conn.rollback()
        try:
            yield Filled(conn, setup)
        finally:
            conn.rollback()

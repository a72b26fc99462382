"""The naming contract of the brief, and the helpers the project tests are written with.

The tests rely on the table and column names below (the README's "naming contract") and nothing
else of a design: they insert their own rows through those names and check behaviour (what is
refused, what cascades, what a query returns, which plan it gets), never the reference's DDL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, LiteralString

import psycopg
from psycopg import sql
from psycopg.abc import Params
from week05.pg import Connection

Statement = LiteralString | bytes | sql.Composed

CONTRACT: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "slug", "created_at", "updated_at"),
    "users": ("id", "email", "full_name", "created_at", "updated_at", "deleted_at"),
    "memberships": ("organization_id", "user_id", "role", "created_at", "updated_at"),
    "projects": ("id", "organization_id", "name", "metadata", "created_at", "updated_at"),
    "tasks": (
        "id",
        "project_id",
        "parent_id",
        "assignee_id",
        "title",
        "description",
        "status",
        "priority",
        "due_at",
        "completed_at",
        "search_vector",
        "created_at",
        "updated_at",
        "deleted_at",
    ),
    "tags": ("id", "organization_id", "name", "created_at", "updated_at"),
    "task_tags": ("task_id", "tag_id"),
    "comments": ("id", "task_id", "author_id", "body", "created_at", "updated_at"),
}

# How a database refuses bad data: a constraint (class 23), a value its type cannot hold (class
# 22, e.g. an enum), or a trigger that raises. Anything else (a missing column...) is not a refusal.
REFUSALS = (psycopg.IntegrityError, psycopg.DataError, psycopg.errors.RaiseException)


@dataclass(frozen=True)
class Setup:
    """The outcome of a fixture's set-up step (loading schema.sql, seeding...).

    A fixture never fails: it records why its step did not work, and each test calls ``ready()``
    first, so a missing schema fails every test in its body with the reason, one by one.
    """

    kind: type[Exception] | None = None
    message: str = ""

    def ready(self) -> None:
        if self.kind is not None:
            raise self.kind(self.message)


def attempt(what: str, step: Callable[[], object]) -> Setup:
    """Run a set-up step; a TODO stays a ``NotImplementedError``, anything else an assertion."""
    try:
        step()
    except NotImplementedError as exc:
        return Setup(NotImplementedError, str(exc))
    except AssertionError as exc:
        return Setup(AssertionError, f"{what}: {exc}")
    except psycopg.Error as exc:
        return Setup(AssertionError, f"{what}: {type(exc).__name__}: {exc}")
    return Setup()


def missing(db: Connection, tables: tuple[str, ...]) -> list[str]:
    """The contract's tables and columns (of ``tables``) that the current schema lacks."""
    rows = db.execute(
        b"SELECT table_name::text, column_name::text FROM information_schema.columns "
        b"WHERE table_schema = current_schema()"
    ).fetchall()
    present: dict[str, set[str]] = {}
    for table, column in rows:
        present.setdefault(table, set()).add(column)
    gaps = []
    for table in tables:
        if table not in present:
            gaps.append(f"table {table}")
        elif absent := [c for c in CONTRACT[table] if c not in present[table]]:
            gaps.append(f"column {', '.join(f'{table}.{c}' for c in absent)}")
    return gaps


def require(db: Connection, *tables: str) -> None:
    """Fail with the names a test needs (README: the naming contract) and the schema lacks."""
    gaps = missing(db, tables or tuple(CONTRACT))
    assert not gaps, f"missing in your schema (README: the naming contract): {'; '.join(gaps)}"


def _insert(table: str, values: dict[str, Any], returning: str | None) -> sql.Composed:
    statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, values)),
        sql.SQL(", ").join(sql.Placeholder() * len(values)),
    )
    if returning is None:
        return statement
    return statement + sql.SQL(" RETURNING {}").format(sql.Identifier(returning))


def accepts(
    db: Connection, statement: Statement, params: Params = (), shown: str = ""
) -> list[tuple[Any, ...]]:
    """Run a statement the rules allow (in a savepoint): its rows, or a failure saying why not."""
    try:
        with db.transaction():
            cursor = db.execute(statement, params)
            return cursor.fetchall() if cursor.description else []
    except psycopg.Error as exc:
        raise AssertionError(
            f"the database refused what the rules allow ({shown or statement!r}): "
            f"{type(exc).__name__}: {exc}"
        ) from None


def insert(db: Connection, table: str, returning: str | None = "id", **values: Any) -> Any:
    """Insert one row the rules allow; its ``returning`` column (the new id by default).

    Columns outside the contract need defaults (or must allow NULL) for these inserts to work.
    """
    shown = f"INSERT INTO {table} {values}"
    rows = accepts(db, _insert(table, values, returning), list(values.values()), shown)
    return rows[0][0] if returning is not None else None


def refuses(db: Connection, rule: str, statement: Statement, params: Params = ()) -> None:
    """Assert that the database refuses ``statement`` (the savepoint keeps the test usable)."""
    try:
        with db.transaction():
            db.execute(statement, params)
    except REFUSALS:
        return
    except psycopg.Error as exc:
        raise AssertionError(
            f"{rule}: expected the database to refuse it, but it failed for another reason: "
            f"{type(exc).__name__}: {exc}"
        ) from None
    raise AssertionError(f"{rule}: the database accepted it")


def refuses_row(db: Connection, rule: str, table: str, **values: Any) -> None:
    """Assert that inserting this row is refused; ``rule`` says which requirement forbids it."""
    shown = f"{rule} (INSERT INTO {table} {values})"
    refuses(db, shown, _insert(table, values, None), list(values.values()))


def one(db: Connection, statement: Statement, params: Params = ()) -> Any:
    """The single value of a query that returns one row."""
    row = db.execute(statement, params).fetchone()
    assert row is not None, f"no row from {statement!r}"
    return row[0]


@dataclass(frozen=True)
class Organization:
    """An organization with one of everything, built through the contract only."""

    id: Any
    owner: Any
    member: Any
    project: Any
    task: Any
    subtask: Any
    comment: Any
    tag: Any


def organization(db: Connection, slug: str) -> Organization:
    """Insert an organization with an owner, a member, a project, a task and its subtask (both
    tagged, both assigned to the member), a comment by the owner, and a tag."""
    org = insert(db, "organizations", name=slug.title(), slug=slug)
    owner = insert(db, "users", email=f"owner@{slug}.example", full_name=f"Owner of {slug}")
    member = insert(db, "users", email=f"member@{slug}.example", full_name=f"Member of {slug}")
    insert(db, "memberships", None, organization_id=org, user_id=owner, role="owner")
    insert(db, "memberships", None, organization_id=org, user_id=member, role="member")
    project = insert(db, "projects", organization_id=org, name="Website", metadata="{}")
    task = insert(db, "tasks", project_id=project, title="Launch", assignee_id=member)
    subtask = insert(
        db, "tasks", project_id=project, title="Write copy", parent_id=task, assignee_id=member
    )
    comment = insert(db, "comments", task_id=task, author_id=owner, body="Ship it Friday.")
    tag = insert(db, "tags", organization_id=org, name="urgent")
    for tagged in (task, subtask):
        insert(db, "task_tags", None, task_id=tagged, tag_id=tag)
    return Organization(org, owner, member, project, task, subtask, comment, tag)


def count(db: Connection, table: str, column: str, value: Any) -> int:
    """How many rows of ``table`` have ``column = value``."""
    statement = sql.SQL("SELECT count(*) FROM {} WHERE {} = %s").format(
        sql.Identifier(table), sql.Identifier(column)
    )
    return int(one(db, statement, (value,)))

"""Task 1: schema.sql enforces the data rules of the brief (constraints, indexes, triggers).

Each test tries what the rules forbid and expects PostgreSQL to refuse it; every change is
rolled back with the test's transaction.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import LiteralString

import psycopg
import pytest
from psycopg import errors, sql
from psycopg.abc import Params
from week05.pg import Connection

Statement = LiteralString | bytes | sql.Composed

ACME = "00000000-0000-0000-0000-000000000101"
GLOBEX = "00000000-0000-0000-0000-000000000102"
ADA = "00000000-0000-0000-0000-000000000201"
WEBSITE = "00000000-0000-0000-0000-000000000301"
LOGIN_BUG = "00000000-0000-0000-0000-000000000402"

pytestmark = pytest.mark.task(1)


def refuses(
    db: Connection, error: type[psycopg.Error], statement: Statement, params: Params = ()
) -> None:
    """Assert that ``statement`` fails with ``error``; a savepoint keeps the transaction usable."""
    with pytest.raises(error), db.transaction():
        db.execute(statement, params)


def accepts(db: Connection, statement: Statement, params: Params = ()) -> None:
    with db.transaction():
        db.execute(statement, params)


@pytest.mark.points(1)
def test_organization_slug_is_lowercase_words_with_hyphens(db: Connection) -> None:
    refuses(
        db,
        errors.CheckViolation,
        b"INSERT INTO organizations (name, slug) VALUES ('X', 'Bad Slug')",
    )
    refuses(
        db, errors.CheckViolation, b"INSERT INTO organizations (name, slug) VALUES ('X', '-x-')"
    )
    accepts(db, b"INSERT INTO organizations (name, slug) VALUES ('X', 'umbrella-corp-2')")


@pytest.mark.points(1)
def test_user_email_is_stored_lowercase(db: Connection) -> None:
    refuses(
        db,
        errors.CheckViolation,
        b"INSERT INTO users (email, full_name) VALUES ('Alan@Example.com', 'Alan Turing')",
    )


@pytest.mark.points(2)
def test_active_email_is_unique_but_reusable_after_soft_delete(db: Connection) -> None:
    insert = "INSERT INTO users (email, full_name) VALUES (%s, %s)"
    refuses(db, errors.UniqueViolation, insert, ("ada@example.com", "Another Ada"))
    # Barbara's account is soft deleted: her address may sign up again.
    accepts(db, insert, ("barbara@example.com", "B. L."))


@pytest.mark.points(2)
def test_membership_is_unique_and_role_is_known(db: Connection) -> None:
    insert = "INSERT INTO memberships (organization_id, user_id, role) VALUES (%s, %s, %s)"
    refuses(db, errors.UniqueViolation, insert, (ACME, ADA, "member"))
    refuses(db, errors.CheckViolation, insert, (GLOBEX, ADA, "superuser"))
    accepts(db, insert, (GLOBEX, ADA, "viewer"))


@pytest.mark.points(2)
def test_project_name_unique_per_organization_and_metadata_is_an_object(db: Connection) -> None:
    insert = "INSERT INTO projects (organization_id, name, metadata) VALUES (%s, %s, %s)"
    refuses(db, errors.UniqueViolation, insert, (ACME, "Website", "{}"))
    accepts(db, insert, (GLOBEX, "Website", "{}"))
    refuses(db, errors.CheckViolation, insert, (ACME, "Lists", "[1, 2]"))


TASK_INSERT = (
    "INSERT INTO tasks (project_id, title, status, priority, completed_at) "
    "VALUES (%s, %s, %s, %s, %s)"
)
NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("title", "status", "priority", "completed_at"),
    [
        pytest.param("   ", "todo", 3, None, id="blank-title"),
        pytest.param("T", "blocked", 3, None, id="unknown-status"),
        pytest.param("T", "todo", 0, None, id="priority-too-low"),
        pytest.param("T", "todo", 6, None, id="priority-too-high"),
        pytest.param("T", "done", 3, None, id="done-without-completed-at"),
        pytest.param("T", "todo", 3, NOW, id="completed-at-but-not-done"),
    ],
)
def test_task_rules(
    db: Connection, title: str, status: str, priority: int, completed_at: datetime | None
) -> None:
    params = (WEBSITE, title, status, priority, completed_at)
    refuses(db, errors.CheckViolation, TASK_INSERT, params)


@pytest.mark.points(1)
def test_valid_task_is_accepted_and_cannot_be_its_own_parent(db: Connection) -> None:
    accepts(db, TASK_INSERT, (WEBSITE, "Ship it", "done", 5, NOW))
    refuses(
        db, errors.CheckViolation, "UPDATE tasks SET parent_id = id WHERE id = %s", (LOGIN_BUG,)
    )


@pytest.mark.points(1)
def test_comment_body_is_not_blank(db: Connection) -> None:
    insert = "INSERT INTO comments (task_id, author_id, body) VALUES (%s, %s, %s)"
    refuses(db, errors.CheckViolation, insert, (LOGIN_BUG, ADA, " "))


@pytest.mark.points(1)
def test_tag_name_unique_per_organization(db: Connection) -> None:
    insert = "INSERT INTO tags (organization_id, name) VALUES (%s, %s)"
    refuses(db, errors.UniqueViolation, insert, (ACME, "bug"))
    accepts(db, insert, (GLOBEX, "bug"))


@pytest.mark.points(2)
def test_task_tags_is_a_proper_junction_table(db: Connection) -> None:
    bug = db.execute(
        "SELECT id FROM tags WHERE organization_id = %s AND name = 'bug'", (ACME,)
    ).fetchall()
    assert len(bug) == 1
    [(bug_id,)] = bug
    insert = "INSERT INTO task_tags (task_id, tag_id) VALUES (%s, %s)"
    refuses(db, errors.UniqueViolation, insert, (LOGIN_BUG, bug_id))
    refuses(db, errors.ForeignKeyViolation, insert, (uuid.uuid4(), bug_id))
    refuses(db, errors.ForeignKeyViolation, insert, (LOGIN_BUG, -1))
    # Hard-deleting a task removes its tag links with it (ON DELETE CASCADE).
    db.execute("DELETE FROM tasks WHERE id = %s", (LOGIN_BUG,))
    row = db.execute("SELECT count(*) FROM task_tags WHERE task_id = %s", (LOGIN_BUG,))
    assert row.fetchone() == (0,)


@pytest.mark.points(1)
@pytest.mark.parametrize(
    "table",
    ["organizations", "users", "memberships", "projects", "tasks", "comments", "tags"],
)
def test_updated_at_is_set_by_a_trigger(db: Connection, table: str) -> None:
    # Even an explicit value is overwritten: the trigger owns the column.
    statement = sql.SQL(
        "UPDATE {table} SET updated_at = '2000-01-01 00:00+00' "
        "WHERE ctid = (SELECT ctid FROM {table} LIMIT 1) RETURNING updated_at = now()"
    ).format(table=sql.Identifier(table))
    assert db.execute(statement).fetchone() == (True,)


@pytest.mark.points(2)
def test_search_vector_is_generated_from_title_and_description(db: Connection) -> None:
    generated = db.execute(
        b"SELECT is_generated FROM information_schema.columns "
        b"WHERE table_schema = current_schema() AND table_name = 'tasks' "
        b"AND column_name = 'search_vector'"
    ).fetchone()
    assert generated == ("ALWAYS",), "tasks.search_vector must be a generated column"
    db.execute("UPDATE tasks SET title = 'Fix logout on Firefox' WHERE id = %s", (LOGIN_BUG,))
    found = db.execute(
        b"SELECT title FROM tasks "
        b"WHERE search_vector @@ to_tsquery('english', 'firefox & cookie') ORDER BY title"
    ).fetchall()
    # "firefox" comes from the new title, "cookie" from the description.
    assert found == [("Fix logout on Firefox",)]


@pytest.mark.points(2)
def test_every_foreign_key_column_is_indexed(db: Connection) -> None:
    # A foreign key (columns c1, c2...) is covered when some index starts with exactly them.
    unindexed = db.execute(
        b"""
        SELECT c.conrelid::regclass::text || ' (' || (
                   SELECT string_agg(a.attname, ', ' ORDER BY k.n)
                   FROM unnest(c.conkey) WITH ORDINALITY AS k (attnum, n)
                   JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
               ) || ')'
        FROM pg_constraint AS c
        WHERE c.contype = 'f'
          AND c.connamespace = current_schema()::regnamespace
          AND NOT EXISTS (
              SELECT 1 FROM pg_index AS i
              WHERE i.indrelid = c.conrelid
                AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey
          )
        ORDER BY 1
        """
    ).fetchall()
    assert unindexed == [], f"foreign keys without an index: {[r[0] for r in unindexed]}"
    foreign_keys = db.execute(
        b"SELECT count(*) FROM pg_constraint "
        b"WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"
    ).fetchone()
    assert foreign_keys == (11,), "expected 11 foreign keys (see the brief)"


@pytest.mark.points(1)
def test_gin_indexes_for_search_and_metadata(db: Connection) -> None:
    rows = db.execute(
        b"SELECT tablename, indexdef FROM pg_indexes "
        b"WHERE schemaname = current_schema() AND indexdef LIKE '%USING gin%' ORDER BY 1"
    ).fetchall()
    gin = {
        (table, column)
        for table, d in rows
        for column in ("search_vector", "metadata")
        if column in d
    }
    assert gin == {("tasks", "search_vector"), ("projects", "metadata")}

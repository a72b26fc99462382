"""Task 3: ``CALL seed(scale)`` fills the schema with realistic data of the promised shape.

The seed runs once for this module, in its own schema inside a transaction that is rolled back at
the end; each test reads inside a savepoint, so none changes what the next one sees. A seed that
fails is reported by every test, in its body.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from psycopg import sql
from week05.pg import Connection

from .conftest import Filled, filled_schema
from .contract import accepts, one

SCALE = 200  # users: 10 organizations, 50 projects, 2,000 tasks, 4,000 comments

pytestmark = pytest.mark.task(3)


@pytest.fixture(scope="module")
def seeded_module(postgres_url: str, runner: ModuleType) -> Iterator[Filled]:
    def seed(conn: Connection) -> None:
        runner.seed(conn, SCALE)
        conn.execute("ANALYZE")

    with filled_schema(
        postgres_url, runner, "seed_test", f"CALL seed({SCALE}) failed", seed
    ) as filled:
        yield filled


@pytest.fixture
def seeded(seeded_module: Filled) -> Iterator[Filled]:
    with seeded_module.conn.transaction(force_rollback=True):
        yield seeded_module


@pytest.mark.points(2)
def test_row_counts_follow_the_scale(seeded: Filled) -> None:
    db = seeded.ready()
    counts = {
        table: one(db, sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        for table in ("organizations", "users", "projects", "tags", "tasks", "comments")
    }
    assert counts == {
        "organizations": SCALE // 20,
        "users": SCALE,
        "projects": SCALE // 20 * 5,
        "tags": SCALE // 20 * 8,
        "tasks": SCALE // 20 * 5 * 40,
        "comments": SCALE // 20 * 5 * 40 * 2,
    }
    per_task = db.execute(
        b"SELECT max(n), count(*) FROM (SELECT count(*) AS n FROM task_tags GROUP BY task_id) AS t"
    ).fetchone()
    assert per_task is not None
    most, tagged = per_task
    assert most == 2, "a task carries up to 2 tags"
    assert counts["tasks"] // 2 < tagged < counts["tasks"], "most tasks, not all, have tags"


@pytest.mark.points(2)
def test_rows_stay_inside_their_organization(seeded: Filled) -> None:
    db = seeded.ready()
    outsiders = {
        "assignees who are not members": b"""
            SELECT count(*) FROM tasks t JOIN projects p ON p.id = t.project_id
            WHERE t.assignee_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM memberships m
                WHERE m.organization_id = p.organization_id AND m.user_id = t.assignee_id)""",
        "comment authors who are not members": b"""
            SELECT count(*) FROM comments c JOIN tasks t ON t.id = c.task_id
            JOIN projects p ON p.id = t.project_id
            WHERE NOT EXISTS (
                SELECT 1 FROM memberships m
                WHERE m.organization_id = p.organization_id AND m.user_id = c.author_id)""",
        "tags of another organization": b"""
            SELECT count(*) FROM task_tags tt JOIN tasks t ON t.id = tt.task_id
            JOIN projects p ON p.id = t.project_id JOIN tags g ON g.id = tt.tag_id
            WHERE g.organization_id <> p.organization_id""",
        "subtasks in another project than their parent": b"""
            SELECT count(*) FROM tasks child JOIN tasks parent ON parent.id = child.parent_id
            WHERE child.project_id <> parent.project_id""",
    }
    for table in ("tasks", "comments", "task_tags"):
        rows = one(db, sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        assert rows > 0, f"seed() created no {table}"
    found = {rule: one(db, query) for rule, query in outsiders.items()}
    assert found == dict.fromkeys(outsiders, 0)
    owners = db.execute(
        b"SELECT o.slug FROM organizations o LEFT JOIN memberships m "
        b"ON m.organization_id = o.id AND m.role = 'owner' "
        b"GROUP BY o.slug HAVING count(m.user_id) <> 1"
    ).fetchall()
    assert owners == [], "every organization has exactly one owner"


@pytest.mark.points(2)
def test_data_has_realistic_variety(seeded: Filled) -> None:
    db = seeded.ready()
    row = db.execute(
        b"""SELECT avg((status = 'done')::int), avg((status = 'in_progress')::int),
                   avg((status = 'todo')::int), avg((parent_id IS NOT NULL)::int),
                   avg((deleted_at IS NOT NULL)::int), avg((assignee_id IS NULL)::int),
                   avg((due_at IS NULL)::int), count(DISTINCT title), count(*)
            FROM tasks"""
    ).fetchone()
    assert row is not None
    done, in_progress, todo, subtasks, deleted, unassigned, undated, titles, tasks = row
    assert tasks > 0, "seed() created no tasks"
    assert 0.3 < done < 0.5
    assert 0.1 < in_progress < 0.3
    assert 0.3 < todo < 0.5
    assert 0.05 < subtasks < 0.15, "about every 10th task is a subtask"
    assert 0 < deleted < 0.05, "a few tasks are soft deleted"
    assert 0 < unassigned < 0.25
    assert 0 < undated < 0.5
    assert titles >= 100, "titles vary"


@pytest.mark.points(1)
def test_the_seed_is_repeatable(seeded: Filled) -> None:
    db = seeded.ready()

    # setseed(): the same scale gives the same data, so numbers in the README stay true. The
    # fingerprint ignores ids and row order: only what the tasks say counts. A small scale
    # twice keeps the test fast.
    def seeded_fingerprint() -> Any:
        accepts(db, "TRUNCATE organizations, users CASCADE")
        accepts(db, "CALL seed(40)")
        return one(
            db,
            b"SELECT md5(string_agg(task, ',' ORDER BY task)) FROM ("
            b"SELECT concat_ws('|', title, status, priority, due_at, completed_at, deleted_at)"
            b" AS task FROM tasks) AS t",
        )

    first = seeded_fingerprint()
    assert first is not None, "seed(40) created no tasks"
    assert seeded_fingerprint() == first, "CALL seed(40) twice gives different tasks: setseed()?"

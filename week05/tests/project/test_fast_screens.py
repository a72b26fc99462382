"""Task 5: the screens the brief calls fast find their rows through an index (F1-F7).

The module fills its own schema with a few thousand rows (through the naming contract, so any
design takes them), runs ANALYZE, and asks PostgreSQL for each screen's plan: a sequential scan
of the big table fails, any index that serves the lookup passes. Which index is your choice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, LiteralString

import pytest
from week05.pg import Connection

from .conftest import Filled, filled_schema
from .contract import one

pytestmark = pytest.mark.task(5)

# One organization: 100 members, 100 projects of 20 tasks (every 10th a subtask of the one
# before), one of 100 tags on each task, a comment on each task; "invoice" in 1 title of 500.
BULK: tuple[LiteralString, ...] = (
    "INSERT INTO organizations (id, name, slug) "
    "VALUES ('00000000-0000-0000-0000-00000000b001', 'Bulk', 'bulk')",
    "INSERT INTO users (id, email, full_name) "
    "SELECT md5('user' || i)::uuid, 'user' || i || '@bulk.example', 'User ' || i "
    "FROM generate_series(1, 100) AS i",
    "INSERT INTO memberships (organization_id, user_id, role) "
    "SELECT '00000000-0000-0000-0000-00000000b001', md5('user' || i)::uuid, 'member' "
    "FROM generate_series(1, 100) AS i",
    "INSERT INTO projects (id, organization_id, name, metadata) "
    "SELECT md5('project' || p)::uuid, '00000000-0000-0000-0000-00000000b001', 'Project ' || p, "
    "'{}' FROM generate_series(1, 100) AS p",
    "INSERT INTO tasks (id, project_id, parent_id, assignee_id, title, description, status, "
    "priority, completed_at) "
    "SELECT md5('task' || t)::uuid, md5('project' || (t % 100 + 1))::uuid, "
    "CASE WHEN t % 10 = 0 THEN md5('task' || (t - 1))::uuid END, "
    "md5('user' || (t % 100 + 1))::uuid, "
    "'Task ' || t || CASE WHEN t % 500 = 0 THEN ' invoice' ELSE ' report' END, "
    "'Steps to reproduce, expected and actual behaviour.', "
    "(ARRAY['todo', 'in_progress', 'done'])[t % 3 + 1], t % 5 + 1, "
    "CASE WHEN t % 3 = 2 THEN timestamptz '2026-01-01 00:00+00' END "
    "FROM generate_series(1, 2000) AS t",
    "INSERT INTO tags (organization_id, name) "
    "SELECT '00000000-0000-0000-0000-00000000b001', 'tag ' || k FROM generate_series(1, 100) AS k",
    "INSERT INTO task_tags (task_id, tag_id) "
    "SELECT md5('task' || t)::uuid, tags.id FROM generate_series(1, 2000) AS t "
    "JOIN tags ON tags.name = 'tag ' || (t % 100 + 1)",
    "INSERT INTO comments (task_id, author_id, body, created_at) "
    "SELECT md5('task' || c)::uuid, md5('user' || (c % 100 + 1))::uuid, "
    "'Comment ' || c, timestamptz '2026-01-01 00:00+00' + c * interval '1 minute' "
    "FROM generate_series(1, 2000) AS c",
    # What autovacuum does on a live server: move GIN's pending list (fast inserts) into the
    # index proper, whose scans the planner then prices as cheap. Then fresh statistics.
    "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index AS i "
    "JOIN pg_class AS c ON c.oid = i.indexrelid JOIN pg_am AS am ON am.oid = c.relam "
    "WHERE am.amname = 'gin' AND c.relnamespace = current_schema()::regnamespace",
    "ANALYZE",
)


@pytest.fixture(scope="module")
def bulk(postgres_url: str, runner: ModuleType) -> Iterator[Filled]:
    def fill(conn: Connection) -> None:
        for statement in BULK:
            conn.execute(statement)

    what = "the test data does not load into your schema"
    with filled_schema(postgres_url, runner, "fast_screens", what, fill) as filled:
        yield filled


@dataclass(frozen=True)
class Screen:
    name: str
    query: LiteralString
    key: LiteralString  # a query for the screen's parameter
    table: str  # the big table it must not read from end to end


SCREENS = [
    Screen(
        "F1 a project's board: its open tasks",
        "SELECT id, title, status, priority FROM tasks WHERE project_id = %s "
        "AND status <> 'done' AND deleted_at IS NULL ORDER BY priority, title",
        "SELECT id FROM projects ORDER BY name LIMIT 1",
        "tasks",
    ),
    Screen(
        "F2 my tasks: the open tasks assigned to a user",
        "SELECT id, title FROM tasks WHERE assignee_id = %s "
        "AND status <> 'done' AND deleted_at IS NULL",
        "SELECT id FROM users ORDER BY email LIMIT 1",
        "tasks",
    ),
    Screen(
        "F3 a task's subtasks",
        "SELECT id, title FROM tasks WHERE parent_id = %s AND deleted_at IS NULL",
        "SELECT parent_id FROM tasks WHERE parent_id IS NOT NULL ORDER BY title LIMIT 1",
        "tasks",
    ),
    Screen(
        "F4 a task's comments, oldest first",
        "SELECT body, created_at FROM comments WHERE task_id = %s ORDER BY created_at",
        "SELECT task_id FROM comments ORDER BY created_at LIMIT 1",
        "comments",
    ),
    Screen(
        "F5 a user's 20 latest comments",
        "SELECT body, created_at FROM comments WHERE author_id = %s "
        "ORDER BY created_at DESC LIMIT 20",
        "SELECT id FROM users ORDER BY email LIMIT 1",
        "comments",
    ),
    Screen(
        "F6 the tasks with a tag",
        "SELECT t.id, t.title FROM task_tags AS tt JOIN tasks AS t ON t.id = tt.task_id "
        "WHERE tt.tag_id = %s AND t.deleted_at IS NULL",
        "SELECT id FROM tags ORDER BY name LIMIT 1",
        "task_tags",
    ),
    Screen(
        "F7 search: tasks matching the words a user typed",
        "SELECT id, title FROM tasks "
        "WHERE search_vector @@ websearch_to_tsquery('english', %s) AND deleted_at IS NULL",
        "SELECT 'invoice'",
        "tasks",
    ),
]


def scans(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Every node of a JSON plan as (node type, relation name or '')."""
    nodes, stack = [], [plan]
    while stack:
        node = stack.pop()
        nodes.append((node["Node Type"], node.get("Relation Name", "")))
        stack.extend(node.get("Plans", []))
    return nodes


@pytest.mark.points(1)
@pytest.mark.parametrize("screen", SCREENS, ids=[s.name.split()[0] for s in SCREENS])
def test_screen_uses_an_index(bulk: Filled, screen: Screen) -> None:
    db = bulk.ready()
    parameter = one(db, screen.key)
    [[plan]] = db.execute(b"EXPLAIN (FORMAT JSON) " + screen.query.encode(), (parameter,))
    nodes = scans(plan[0]["Plan"])
    shown = ", ".join(f"{kind} on {table}" if table else kind for kind, table in nodes)
    assert ("Seq Scan", screen.table) not in nodes, (
        f"{screen.name} reads all of {screen.table} (a Seq Scan): which index would let "
        f"PostgreSQL find the rows directly? Plan: {shown}"
    )

"""Task 1: schema.sql enforces the business rules (R1-R12) and the deletes (D1-D5) of the brief.

Every test builds its own rows through the naming contract, tries what a rule forbids next to
what it allows, and is rolled back with its transaction. Types, keys and the way a rule is
enforced (CHECK, enum, trigger...) are the design's choice: any refusal counts.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from psycopg import sql

from .conftest import Project
from .contract import accepts, count, insert, one, organization, refuses, refuses_row

pytestmark = pytest.mark.task(1)

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.mark.points(1)
def test_r11_keys_are_uuids_the_database_makes_unless_given(project: Project) -> None:
    db = project.require()
    acme = organization(db, "acme")
    made = [acme.id, acme.owner, acme.project, acme.task, acme.comment]
    assert all(isinstance(key, uuid.UUID) for key in made), f"R11: uuid keys, got {made}"
    assert len(set(made)) == len(made)
    assert acme.tag is not None, "R11: the database makes a key for a new tag"
    given = uuid.uuid4()
    assert insert(db, "organizations", id=given, name="Given", slug="given") == given


@pytest.mark.points(2)
def test_r1_slug_is_lowercase_words_joined_by_hyphens_and_unique(project: Project) -> None:
    db = project.require("organizations")
    insert(db, "organizations", name="Umbrella", slug="umbrella-corp-2")
    insert(db, "organizations", name="Acme", slug="acme")
    for slug in ("Bad Slug", "-x-", "x--y", "ACME", "a_b", ""):
        refuses_row(db, "R1: slug format", "organizations", name="X", slug=slug)
    refuses_row(db, "R1: slugs are unique", "organizations", name="Acme 2", slug="acme")


@pytest.mark.points(1)
def test_r2_email_is_stored_lowercase(project: Project) -> None:
    db = project.require("users")
    insert(db, "users", email="alan@example.com", full_name="Alan Turing")
    refuses_row(db, "R2: lower-case", "users", email="Ada@Example.com", full_name="Ada")


@pytest.mark.points(2)
def test_r3_active_email_is_unique_but_reusable_after_soft_delete(project: Project) -> None:
    db = project.require("users")
    ada = insert(db, "users", email="ada@example.com", full_name="Ada Lovelace")
    rule = "R3: one active user per email"
    refuses_row(db, rule, "users", email="ada@example.com", full_name="Another Ada")
    accepts(db, "UPDATE users SET deleted_at = now() WHERE id = %s", (ada,))
    insert(db, "users", email="ada@example.com", full_name="Ada, back again")
    refuses_row(db, rule, "users", email="ada@example.com", full_name="A third Ada")


@pytest.mark.points(2)
def test_r4_membership_is_unique_and_role_is_known(project: Project) -> None:
    db = project.require("organizations", "users", "memberships")
    acme = insert(db, "organizations", name="Acme", slug="acme")
    globex = insert(db, "organizations", name="Globex", slug="globex")
    ada = insert(db, "users", email="ada@example.com", full_name="Ada")
    grace = insert(db, "users", email="grace@example.com", full_name="Grace")
    ken = insert(db, "users", email="ken@example.com", full_name="Ken")
    for org, user, role in ((acme, ada, "owner"), (globex, ada, "viewer"), (acme, grace, "admin")):
        insert(db, "memberships", None, organization_id=org, user_id=user, role=role)
    insert(db, "memberships", None, organization_id=globex, user_id=grace, role="member")
    values: dict[str, Any] = {"organization_id": acme, "user_id": ada, "role": "member"}
    refuses_row(db, "R4: a member once per organization", "memberships", **values)
    values = {"organization_id": acme, "user_id": ken, "role": "superuser"}
    refuses_row(db, "R4: owner, admin, member or viewer", "memberships", **values)


@pytest.mark.points(2)
def test_r5_project_name_unique_per_organization_and_metadata_an_object(project: Project) -> None:
    db = project.require("organizations", "projects")
    acme = insert(db, "organizations", name="Acme", slug="acme")
    globex = insert(db, "organizations", name="Globex", slug="globex")
    insert(db, "projects", organization_id=acme, name="Website", metadata='{"client": "Acme"}')
    insert(db, "projects", organization_id=globex, name="Website", metadata="{}")
    rule = "R5: names unique within an organization"
    refuses_row(db, rule, "projects", organization_id=acme, name="Website", metadata="{}")
    for metadata in ("[1, 2]", '"public"', "null"):
        refuses_row(
            db, "R5: an object", "projects", organization_id=acme, name="X", metadata=metadata
        )
    plain = insert(db, "projects", organization_id=acme, name="Plain")
    assert one(db, "SELECT metadata FROM projects WHERE id = %s", (plain,)) == {}, "R5: {} default"


def new_project(project: Project) -> tuple[Any, Any]:
    db = project.require("organizations", "projects", "tasks")
    org = insert(db, "organizations", name="Acme", slug="acme")
    return db, insert(db, "projects", organization_id=org, name="Website", metadata="{}")


@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("rule", "title", "status", "priority", "completed_at"),
    [
        pytest.param("R6: a title", " \t\n", "todo", 3, None, id="blank-title"),
        pytest.param("R6: a known status", "T", "blocked", 3, None, id="unknown-status"),
        pytest.param("R6: priority 1 to 5", "T", "todo", 0, None, id="priority-too-low"),
        pytest.param("R6: priority 1 to 5", "T", "todo", 6, None, id="priority-too-high"),
        pytest.param("R6: completed when done", "T", "done", 3, None, id="done-not-completed"),
        pytest.param("R6: completed when done", "T", "todo", 3, NOW, id="completed-not-done"),
    ],
)
def test_r6_task_rules(
    project: Project,
    rule: str,
    title: str,
    status: str,
    priority: int,
    completed_at: datetime | None,
) -> None:
    db, website = new_project(project)
    insert(
        db, "tasks", project_id=website, title="Ship", status="done", priority=5, completed_at=NOW
    )
    insert(db, "tasks", project_id=website, title="Plan", status="in_progress", priority=1)
    values = {"title": title, "status": status, "priority": priority, "completed_at": completed_at}
    refuses_row(db, rule, "tasks", project_id=website, **values)


@pytest.mark.points(1)
def test_r6_r7_task_defaults_subtasks_and_no_own_parent(project: Project) -> None:
    db, website = new_project(project)
    task = insert(db, "tasks", project_id=website, title="Launch")
    defaults = db.execute(
        "SELECT status, priority, description FROM tasks WHERE id = %s", (task,)
    ).fetchone()
    assert defaults == ("todo", 3, ""), "R6: a new task is todo, priority 3, description ''"
    insert(db, "tasks", project_id=website, title="Write copy", parent_id=task)
    refuses(db, "R7: not its own parent", "UPDATE tasks SET parent_id = id WHERE id = %s", (task,))


@pytest.mark.points(1)
def test_r10_comment_body_is_not_blank(project: Project) -> None:
    db = project.require("comments")
    acme = organization(db, "acme")
    insert(db, "comments", task_id=acme.task, author_id=acme.member, body="Done.")
    rule = "R10: never blank"
    refuses_row(db, rule, "comments", task_id=acme.task, author_id=acme.member, body=" \t")


@pytest.mark.points(1)
def test_r9_tag_name_unique_per_organization(project: Project) -> None:
    db = project.require("organizations", "tags")
    acme = insert(db, "organizations", name="Acme", slug="acme")
    globex = insert(db, "organizations", name="Globex", slug="globex")
    insert(db, "tags", organization_id=acme, name="bug")
    insert(db, "tags", organization_id=globex, name="bug")
    refuses_row(db, "R9: unique within an organization", "tags", organization_id=acme, name="bug")


@pytest.mark.points(2)
def test_r9_a_task_carries_a_tag_once_and_only_existing_ones(project: Project) -> None:
    db = project.require()
    acme = organization(db, "acme")  # its task carries the tag "urgent"
    bug = insert(db, "tags", organization_id=acme.id, name="bug")
    insert(db, "task_tags", None, task_id=acme.task, tag_id=bug)
    refuses_row(db, "R9: at most once", "task_tags", task_id=acme.task, tag_id=acme.tag)
    refuses_row(db, "R9: an existing task", "task_tags", task_id=uuid.uuid4(), tag_id=bug)
    gone = insert(db, "tags", organization_id=acme.id, name="gone")  # a key of the right type
    accepts(db, "DELETE FROM tags WHERE id = %s", (gone,))
    refuses_row(db, "R9: an existing tag", "task_tags", task_id=acme.task, tag_id=gone)


TIMESTAMPED = ("organizations", "users", "memberships", "projects", "tasks", "comments", "tags")


@pytest.mark.points(1)
@pytest.mark.parametrize("table", TIMESTAMPED)
def test_r12_timestamps_of_insert_and_of_every_update(project: Project, table: str) -> None:
    db = project.require()
    organization(db, "acme")
    # "The time of": between this transaction's start, now(), and the clock at this moment.
    names = {"table": sql.Identifier(table)}
    created = sql.SQL(
        "SELECT created_at BETWEEN now() AND clock_timestamp() FROM {table} "
        "WHERE ctid = (SELECT ctid FROM {table} LIMIT 1)"
    ).format(**names)
    assert one(db, created), f"R12: {table}.created_at is the time of the insert"
    # Even an explicit value is overwritten: the database owns the column.
    update = sql.SQL(
        "UPDATE {table} SET updated_at = %s WHERE ctid = (SELECT ctid FROM {table} LIMIT 1) "
        "RETURNING updated_at BETWEEN now() AND clock_timestamp()"
    ).format(**names)
    rows = accepts(db, update, (datetime(2000, 1, 1, tzinfo=UTC),))
    assert rows == [(True,)], f"R12: an UPDATE of {table} sets updated_at to its own time"


@pytest.mark.points(2)
def test_r8_search_vector_follows_title_and_description_with_weights(project: Project) -> None:
    db, website = new_project(project)
    task = insert(
        db,
        "tasks",
        project_id=website,
        title="Fix logouts on Firefox",
        description="The session cookies expire too soon.",
    )
    # English stems plurals ("logouts" is found by "logout"); weights say where a word was.
    matches = (
        "SELECT search_vector @@ to_tsquery('english', 'logout:A & firefox:A'), "
        "search_vector @@ to_tsquery('english', 'cookie:B'), "
        "search_vector @@ to_tsquery('english', 'cookie:A') FROM tasks WHERE id = %s"
    )
    found = db.execute(matches, (task,)).fetchone()
    assert found == (True, True, False), "R8: title words weigh A, description words B (English)"
    accepts(db, "UPDATE tasks SET description = 'Tokens expire.' WHERE id = %s", (task,))
    now = db.execute(
        "SELECT search_vector @@ to_tsquery('english', 'token'), "
        "search_vector @@ to_tsquery('english', 'cookie') FROM tasks WHERE id = %s",
        (task,),
    ).fetchone()
    assert now == (True, False), "R8: search_vector follows every change of the description"


@pytest.mark.points(2)
def test_d1_deleting_an_organization_deletes_everything_of_it(project: Project) -> None:
    db = project.require()
    acme, globex = organization(db, "acme"), organization(db, "globex")
    accepts(db, "DELETE FROM organizations WHERE id = %s", (acme.id,))
    left = {
        "memberships": count(db, "memberships", "organization_id", acme.id),
        "projects": count(db, "projects", "organization_id", acme.id),
        "tasks": count(db, "tasks", "project_id", acme.project),
        "comments": count(db, "comments", "task_id", acme.task),
        "tags": count(db, "tags", "organization_id", acme.id),
        "task_tags": count(db, "task_tags", "tag_id", acme.tag),
    }
    assert left == dict.fromkeys(left, 0), f"D1: left behind after deleting acme: {left}"
    assert count(db, "users", "id", acme.owner) == 1, "D1: users stay"
    assert count(db, "tasks", "project_id", globex.project) == 2, "D1: other organizations stay"


@pytest.mark.points(1)
def test_d2_deleting_a_project_deletes_its_tasks(project: Project) -> None:
    db = project.require()
    acme = organization(db, "acme")
    accepts(db, "DELETE FROM projects WHERE id = %s", (acme.project,))
    assert count(db, "tasks", "project_id", acme.project) == 0, "D2: its tasks are deleted"
    assert count(db, "comments", "task_id", acme.task) == 0, "D2: and their comments"


@pytest.mark.points(2)
def test_d3_deleting_a_task_deletes_its_subtasks_comments_and_tag_links(project: Project) -> None:
    db = project.require()
    acme = organization(db, "acme")
    other = insert(db, "tasks", project_id=acme.project, title="Stays")
    insert(db, "task_tags", None, task_id=other, tag_id=acme.tag)
    accepts(db, "DELETE FROM tasks WHERE id = %s", (acme.task,))
    assert count(db, "tasks", "id", acme.subtask) == 0, "D3: its subtasks are deleted"
    assert count(db, "comments", "task_id", acme.task) == 0, "D3: its comments are deleted"
    assert count(db, "task_tags", "tag_id", acme.tag) == 1, "D3: only its own tag links go"
    assert count(db, "tags", "id", acme.tag) == 1, "D3: the tag itself stays"


@pytest.mark.points(2)
def test_d4_hard_deleting_a_user_only_without_comments(project: Project) -> None:
    db = project.require()
    acme = organization(db, "acme")  # the owner wrote a comment; the member is assigned
    rule = "D4: a user who wrote comments is not hard deleted"
    refuses(db, rule, "DELETE FROM users WHERE id = %s", (acme.owner,))
    accepts(db, "DELETE FROM users WHERE id = %s", (acme.member,))
    assert count(db, "memberships", "user_id", acme.member) == 0, "D4: memberships go"
    assignees = db.execute(
        "SELECT assignee_id FROM tasks WHERE id IN (%s, %s)", (acme.task, acme.subtask)
    ).fetchall()
    assert assignees == [(None,), (None,)], "D4: their tasks stay, unassigned"


@pytest.mark.points(1)
def test_d5_deleting_a_tag_removes_it_from_every_task(project: Project) -> None:
    db = project.require()
    acme = organization(db, "acme")
    accepts(db, "DELETE FROM tags WHERE id = %s", (acme.tag,))
    assert count(db, "task_tags", "task_id", acme.task) == 0, "D5: its links go"
    assert count(db, "tasks", "id", acme.task) == 1, "D5: the tasks stay"

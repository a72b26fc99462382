"""Task 4: each business question, answered in raw SQL, returns exactly the expected result.

The dataset is ``src/week05/dataset.sql``, inserted into your schema through the names of the
naming contract; every expected row below can be worked out by hand from it. Columns are compared
by name and order, rows by value and order.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest

from .conftest import Project

pytestmark = pytest.mark.task(4)


def at(text: str) -> datetime:
    """``'2026-02-10 00:00'`` -> an aware UTC datetime (psycopg returns timestamptz like that)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


EXPECTED: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {
    "q01_organization_members": (
        ["full_name", "email", "role"],
        [
            ("Ada Lovelace", "ada@example.com", "owner"),
            ("Grace Hopper", "grace@example.com", "admin"),
            ("Linus Torvalds", "linus@example.com", "member"),
            ("Margaret Hamilton", "margaret@example.com", "member"),
            ("Ken Thompson", "ken@example.com", "viewer"),
        ],
    ),
    "q02_projects_without_tasks": (
        ["organization", "project"],
        [("acme", "Archive"), ("globex", "Research")],
    ),
    "q03_open_tasks_per_project": (
        ["organization", "project", "open_tasks", "total_tasks"],
        [
            ("acme", "Billing", 4, 6),
            ("globex", "Platform", 3, 4),
            ("acme", "Website", 3, 4),
            ("acme", "Archive", 0, 0),
            ("globex", "Research", 0, 0),
        ],
    ),
    "q04_busy_assignees": (
        ["full_name", "open_tasks"],
        [("Linus Torvalds", 4), ("Dennis Ritchie", 2)],
    ),
    "q05_overdue_tasks": (
        ["title", "project", "assignee", "due_at", "days_overdue"],
        [
            ("Invoice PDF export", "Billing", "Linus Torvalds", at("2026-02-10 00:00"), 19),
            ("Set up analytics", "Website", None, at("2026-02-15 00:00"), 14),
            ("Fix login bug on Safari", "Website", "Linus Torvalds", at("2026-02-20 00:00"), 9),
            ("Rotate TLS certificates", "Platform", "Dennis Ritchie", at("2026-02-27 00:00"), 2),
            ("Handle payment failures", "Billing", "Ada Lovelace", at("2026-02-28 00:00"), 1),
        ],
    ),
    "q06_tag_usage": (
        ["organization", "tag", "tasks"],
        [
            ("acme", "bug", 4),
            ("acme", "feature", 2),
            ("acme", "urgent", 2),
            ("acme", "docs", 1),
            ("acme", "wontfix", 0),
            ("globex", "ops", 2),
            ("globex", "urgent", 1),
        ],
    ),
    "q07_tasks_with_all_tags": (
        ["title"],
        [("Fix login bug on Safari",), ("Handle payment failures",)],
    ),
    "q08_latest_comment_per_task": (
        ["task", "author", "body", "created_at"],
        [
            (
                "Capacity planning",
                "Grace Hopper",
                "We need the numbers by April.",
                at("2026-02-22 09:00"),
            ),
            ("Design landing page", "Margaret Hamilton", "Looks great!", at("2026-01-21 09:00")),
            (
                "Fix login bug on Safari",
                "Ada Lovelace",
                "Please prioritise: customers are complaining.",
                at("2026-02-03 12:00"),
            ),
            (
                "Handle payment failures",
                "Margaret Hamilton",
                "The email template is ready for review.",
                at("2026-02-06 09:00"),
            ),
            (
                "Invoice PDF export",
                "Grace Hopper",
                "Use the new invoice numbering.",
                at("2026-02-07 09:00"),
            ),
            (
                "Rotate TLS certificates",
                "Dennis Ritchie",
                "Scheduled for Friday.",
                at("2026-02-21 09:00"),
            ),
            (
                "Upgrade PostgreSQL",
                "Dennis Ritchie",
                "Primary and replicas upgraded.",
                at("2026-02-12 18:30"),
            ),
        ],
    ),
    "q09_commenter_ranking": (
        ["organization", "full_name", "comments", "rank"],
        [
            ("acme", "Ada Lovelace", 2, 1),
            ("acme", "Grace Hopper", 2, 1),
            ("acme", "Margaret Hamilton", 2, 1),
            ("acme", "Linus Torvalds", 1, 4),
            ("globex", "Dennis Ritchie", 2, 1),
            ("globex", "Grace Hopper", 1, 2),
            ("globex", "Ken Thompson", 1, 2),
        ],
    ),
    "q10_weekly_completions": (
        ["week", "completed", "running_total"],
        [(date(2026, 1, 19), 2, 2), (date(2026, 2, 2), 1, 3), (date(2026, 2, 9), 1, 4)],
    ),
    "q11_subtask_tree": (
        ["title", "depth", "path"],
        [
            ("Handle payment failures", 0, "Handle payment failures"),
            (
                "Email template for failed payment",
                1,
                "Handle payment failures > Email template for failed payment",
            ),
            ("Retry webhook deliveries", 1, "Handle payment failures > Retry webhook deliveries"),
            (
                "Log payment provider errors",
                2,
                "Handle payment failures > Retry webhook deliveries > Log payment provider errors",
            ),
        ],
    ),
    "q12_public_projects": (
        ["project", "client"],
        [("Archive", None), ("Website", "Acme Retail")],
    ),
    "q14_organization_summary": (
        ["organization", "members", "projects", "tasks", "done", "percent_done"],
        [
            ("acme", 5, 3, 10, 3, Decimal("30.0")),
            ("globex", 3, 2, 4, 1, Decimal("25.0")),
            ("initech", 1, 0, 0, 0, None),
        ],
    ),
}

POINTS = {"q08_latest_comment_per_task": 3, "q09_commenter_ranking": 3, "q11_subtask_tree": 3}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.points(POINTS.get(name, 2)), id=name)
        for name in EXPECTED
    ],
)
def test_question(project: Project, name: str) -> None:
    columns, rows = project.runner.run_query(project.with_dataset(), name)
    expected_columns, expected_rows = EXPECTED[name]
    assert columns == expected_columns
    assert rows == expected_rows


@pytest.mark.points(3)
def test_q13_search_tasks_ranks_title_matches_first(project: Project) -> None:
    columns, rows = project.runner.run_query(project.with_dataset(), "q13_search_tasks")
    assert columns == ["title", "rank"]
    # The deleted task mentions "payment failure" too; titles outweigh descriptions.
    assert [title for title, _ in rows] == ["Handle payment failures", "Retry webhook deliveries"]
    ranks = [rank for _, rank in rows]
    assert ranks[0] > ranks[1] > 0


@pytest.mark.points(0)
def test_every_question_has_a_test(runner: ModuleType) -> None:
    assert sorted([*EXPECTED, "q13_search_tasks"]) == runner.query_names()

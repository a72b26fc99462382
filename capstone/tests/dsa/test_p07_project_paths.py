"""Problem 7: project breadcrumbs (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_tenants

PROBLEM = "p07_project_paths"
pytestmark = pytest.mark.task(7)


@pytest.mark.points(2)
def test_example_from_the_statement(tenants: SqlPractice) -> None:
    expected = Result(
        ["id", "depth", "path"],
        [
            (5, 0, "Acme / Marketing"),
            (1, 0, "Acme / Platform"),
            (2, 1, "Acme / Platform / API"),
            (3, 2, "Acme / Platform / API / Auth"),
            (4, 1, "Acme / Platform / Web"),
            (6, 0, "Globex / Apps"),
            (7, 1, "Globex / Apps / iOS"),
            (8, 0, "Initech / TPS"),
        ],
    )
    assert_same_result(tenants.answer(PROBLEM), expected)


def test_tree_order_is_not_the_order_of_the_text(tenants: SqlPractice) -> None:
    # as text, "Acme / API (old)" sorts before "Acme / API / Tokens" ('(' before '/'); in the
    # tree, API's sub-projects come right after API, before its sibling "API (old)"
    tenants.conn.execute("TRUNCATE tasks, projects")
    tenants.conn.execute(
        "INSERT INTO projects VALUES (1, 1, NULL, 'API'), (2, 1, NULL, 'API (old)'), "
        "(3, 1, 1, 'Tokens'), (4, 1, 3, 'Rotation')"
    )
    assert tenants.answer(PROBLEM).rows == [
        (1, 0, "Acme / API"),
        (3, 1, "Acme / API / Tokens"),
        (4, 2, "Acme / API / Tokens / Rotation"),
        (2, 0, "Acme / API (old)"),
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(tenants: SqlPractice, seed: int) -> None:
    random_tenants(tenants.conn, seed)
    assert_same_result(tenants.answer(PROBLEM), tenants.reference(PROBLEM))

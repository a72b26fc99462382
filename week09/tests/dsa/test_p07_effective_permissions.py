"""Problem 7: effective permissions (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_roles

PROBLEM = "p07_effective_permissions"
pytestmark = pytest.mark.task(7)


@pytest.mark.points(2)
def test_example_from_the_statement(access: SqlPractice) -> None:
    expected = Result(
        ["user_id", "permission"],
        [(1, "tasks:read"), (1, "tasks:write"), (1, "users:manage"),
         (2, "audit:read"), (2, "tasks:read"), (2, "tasks:write"),
         (3, "tasks:read"), (3, "users:read")],
    )  # fmt: skip
    assert_same_result(access.answer(PROBLEM), expected)


def test_a_permission_granted_on_two_paths_is_listed_once(access: SqlPractice) -> None:
    access.conn.execute("INSERT INTO role_permissions VALUES ('editor', 'tasks:read')")
    access.conn.execute("INSERT INTO user_roles VALUES (1, 'viewer')")
    rows = access.answer(PROBLEM).rows
    assert rows[:3] == [(1, "tasks:read"), (1, "tasks:write"), (1, "users:manage")]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(access: SqlPractice, seed: int) -> None:
    random_roles(access.conn, seed)
    assert_same_result(access.answer(PROBLEM), access.reference(PROBLEM))

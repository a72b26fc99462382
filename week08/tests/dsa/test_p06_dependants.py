"""Problem 6: dependants of each package (the statement is in week08/src/week08/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_graph

PROBLEM = "p06_dependants"
pytestmark = pytest.mark.task(6)


@pytest.mark.points(2)
def test_example_from_the_statement(graph: SqlPractice) -> None:
    expected = Result(
        ["name", "dependants"],
        [("json", 4), ("log", 4), ("db", 2), ("http", 2), ("auth", 1), ("api", 0), ("cli", 0)],
    )
    assert_same_result(graph.answer(PROBLEM), expected)


def test_a_package_in_a_cycle_is_not_its_own_dependant(graph: SqlPractice) -> None:
    graph.conn.execute("INSERT INTO requires VALUES ('log', 'api')")  # now everything needs api
    rows: dict[str, int] = dict(graph.answer(PROBLEM).rows)
    assert rows["api"] == 4  # auth, cli, db and log; api reaches itself but does not count
    assert rows["log"] == 4  # api, auth, cli and db, as before


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(graph: SqlPractice, seed: int) -> None:
    random_graph(graph.conn, seed)
    assert_same_result(graph.answer(PROBLEM), graph.reference(PROBLEM))

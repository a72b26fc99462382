"""Problem 5: everything api needs (the statement is in week08/src/week08/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_graph

PROBLEM = "p05_everything_api_needs"
pytestmark = pytest.mark.task(5)


@pytest.mark.points(2)
def test_example_from_the_statement(graph: SqlPractice) -> None:
    expected = Result(["dependency"], [("auth",), ("db",), ("http",), ("json",), ("log",)])
    assert_same_result(graph.answer(PROBLEM), expected)


def test_a_cycle_back_to_api_ends_and_leaves_api_out(graph: SqlPractice) -> None:
    graph.conn.execute("INSERT INTO requires VALUES ('log', 'api')")
    assert graph.answer(PROBLEM).rows == [("auth",), ("db",), ("http",), ("json",), ("log",)]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(graph: SqlPractice, seed: int) -> None:
    random_graph(graph.conn, seed)
    assert_same_result(graph.answer(PROBLEM), graph.reference(PROBLEM))

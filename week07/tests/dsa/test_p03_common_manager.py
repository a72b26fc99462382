"""Problem 3: the lowest common manager (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week07.dsa", "p03_common_manager")
pytestmark = pytest.mark.task(3)

ORG: dict[str, str | None] = {"ada": None, "grace": "ada", "linus": "ada", "ken": "grace",
                              "barbara": "grace", "edsger": "ken", "margaret": "linus"}  # fmt: skip


def chain(managers: dict[str, str | None], person: str) -> list[str]:
    found: list[str] = []
    node: str | None = person
    while node is not None:
        found.append(node)
        node = managers[node]
    return found


def oracle(managers: dict[str, str | None], a: str, b: str) -> str:
    """The first of a's chain that is also in b's chain, comparing lists: O(depth^2)."""
    above_b = chain(managers, b)
    return next(node for node in chain(managers, a) if node in above_b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("edsger", "barbara", "grace"), ("edsger", "margaret", "ada"), ("ken", "edsger", "ken")],
)
def test_examples_from_the_statement(a: str, b: str, expected: str) -> None:
    assert p03.common_manager(ORG, a, b) == expected


def test_edge_cases() -> None:
    assert p03.common_manager(ORG, "ada", "ada") == "ada"
    assert p03.common_manager(ORG, "margaret", "ada") == "ada"
    assert p03.common_manager({"solo": None}, "solo", "solo") == "solo"


@st.composite
def companies(draw: st.DrawFn) -> tuple[dict[str, str | None], str, str]:
    n = draw(st.integers(1, 15))
    managers: dict[str, str | None] = {"p0": None}
    for i in range(1, n):
        managers[f"p{i}"] = f"p{draw(st.integers(0, i - 1))}"
    people = st.sampled_from(list(managers))
    return managers, draw(people), draw(people)


@PROPERTY
@given(companies())
def test_matches_a_brute_force_oracle(case: tuple[dict[str, str | None], str, str]) -> None:
    managers, a, b = case
    assert p03.common_manager(managers, a, b) == oracle(managers, a, b)


def test_large_input_is_fast() -> None:
    n = 100_000  # two long chains under one head
    managers: dict[str, str | None] = {"head": None, "a0": "head", "b0": "head"}
    for i in range(1, n):
        managers[f"a{i}"], managers[f"b{i}"] = f"a{i - 1}", f"b{i - 1}"
    with fast_enough("O(depth)", 2 * n):
        found = p03.common_manager(managers, f"a{n - 1}", f"b{n - 1}")
    assert found == "head"

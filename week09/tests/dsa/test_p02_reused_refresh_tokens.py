"""Problem 2: refresh-token reuse (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week09.dsa", "p02_reused_refresh_tokens")
pytestmark = pytest.mark.task(2)


def oracle(rotations: list[tuple[str, str]]) -> list[str]:
    """For each rotation, look back through every earlier one: quadratic."""
    found: list[str] = []
    for i, (token, _) in enumerate(rotations):
        if any(earlier == token for earlier, _ in rotations[:i]):
            root = token
            while issued_by := [p for p, issued in rotations[:i] if issued == root]:
                root = issued_by[0]
            if root not in found:
                found.append(root)
    return found


def test_example_from_the_statement() -> None:
    rotations = [("L1", "a"), ("a", "b"), ("L2", "x"), ("a", "c"), ("x", "y"), ("b", "d"),
                 ("L2", "z"), ("c", "e"), ("b", "f")]  # fmt: skip
    assert p02.compromised_families(rotations) == ["L1", "L2"]


def test_edge_cases() -> None:
    assert p02.compromised_families([]) == []
    assert p02.compromised_families([("L", "a"), ("a", "b"), ("b", "c")]) == []
    assert p02.compromised_families([("L", "a"), ("L", "b")]) == ["L"]  # the login token itself
    # detected on the reuse, not on the first use of the token presented twice
    assert p02.compromised_families(
        [("A", "a"), ("B", "b"), ("b", "c"), ("a", "d"), ("b", "e")]
    ) == ["B"]


@st.composite
def rotation_logs(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Each rotation presents an issued token, a new login token or one presented before, and
    issues a fresh token."""
    rotations: list[tuple[str, str]] = []
    for i in range(draw(st.integers(0, 15))):
        seen = [t for pair in rotations for t in pair]
        fresh = f"L{i}"
        reuse = draw(st.booleans())
        token = draw(st.sampled_from(seen)) if seen and reuse else fresh
        rotations.append((token, f"t{i}"))
    return rotations


@PROPERTY
@given(rotation_logs())
def test_matches_a_brute_force_oracle(rotations: list[tuple[str, str]]) -> None:
    assert p02.compromised_families(rotations) == oracle(rotations)


def test_large_input_is_fast() -> None:
    n = 200_000  # one long family, reused at the very end
    rotations = [("login", "t0"), *((f"t{i}", f"t{i + 1}") for i in range(n)), ("t5", "stolen")]
    with fast_enough("O(n)", n):
        families = p02.compromised_families(rotations)
    assert families == ["login"]

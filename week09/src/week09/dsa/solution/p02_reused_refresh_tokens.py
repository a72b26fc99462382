"""Problem 2: refresh-token reuse detection (hash maps)."""

from __future__ import annotations


def compromised_families(rotations: list[tuple[str, str]]) -> list[str]:
    """The login tokens of the families in which a refresh token was presented twice, each once,
    in the order the first reuse was seen. A rotation is ``(presented, issued)``."""
    # BEGIN SOLUTION each token's family in a dict, a set of presented
    family: dict[str, str] = {}
    presented: set[str] = set()
    compromised: dict[str, None] = {}  # a dict keeps the order of detection, and each family once
    for token, issued in rotations:
        root = family.setdefault(token, token)  # a token never issued before starts a family
        family[issued] = root
        if token in presented:
            compromised.setdefault(root)
        presented.add(token)
    return list(compromised)
    # END SOLUTION

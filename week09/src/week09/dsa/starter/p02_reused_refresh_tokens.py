"""Problem 2: refresh-token reuse detection (hash maps)."""

from __future__ import annotations


def compromised_families(rotations: list[tuple[str, str]]) -> list[str]:
    """The login tokens of the families in which a refresh token was presented twice, each once,
    in the order the first reuse was seen. A rotation is ``(presented, issued)``."""
    raise NotImplementedError("TODO: each token's family in a dict, a set of presented")

"""How alike two branches' code is: document fingerprints by winnowing, as MOSS computes them.

Each Python file a branch added or changed in its week (the tests aside) becomes a token stream
in which every name is ``N``, every string ``S`` and every number ``0`` (renaming variables or
rewording strings changes nothing), without comments and docstrings. Every ``K`` consecutive
tokens are hashed, and of every ``WINDOW`` consecutive hashes the smallest is kept (Schleimer,
Wilkerson and Aiken, "Winnowing", SIGMOD 2003): a copied run of ``K + WINDOW - 1`` tokens always
shares a fingerprint. Fingerprints of the given starter are removed first, as MOSS removes base
code. The score of two branches is the share of the smaller fingerprint set found in the other:
1.0 means one is contained in the other.
"""

from __future__ import annotations

import hashlib
import io
import keyword
import tokenize
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

K = 12
WINDOW = 8
FLAG_AT = 0.8  # pairs at or above this score are flagged for review...
MIN_PRINTS = 20  # ...when the smaller of the two has this many fingerprints (tiny code is alike)
_SKIP = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
    tokenize.TYPE_COMMENT,
}
_STATEMENT_START = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}


def tokens(source: str) -> list[str]:
    """The normalised token stream of ``source`` (empty if it does not tokenize)."""
    out: list[str] = []
    previous, docstring = tokenize.NEWLINE, False
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in _SKIP:
                continue
            if token.type == tokenize.STRING and previous in _STATEMENT_START:
                docstring = True  # a docstring or a bare string statement: it does nothing
            elif docstring and token.type == tokenize.NEWLINE:
                docstring = False  # its line ends with it
            elif not docstring:
                out.append(_normal(token))
            previous = token.type
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []
    return out


def _normal(token: tokenize.TokenInfo) -> str:
    if token.type == tokenize.NAME:
        return token.string if keyword.iskeyword(token.string) else "N"
    if token.type == tokenize.STRING:
        return "S"
    if token.type == tokenize.NUMBER:
        return "0"
    return token.string or tokenize.tok_name[token.type]


def fingerprints(source: str) -> set[int]:
    stream = tokens(source)
    hashes = [
        int.from_bytes(
            hashlib.blake2b(" ".join(stream[i : i + K]).encode(), digest_size=8).digest()
        )
        for i in range(len(stream) - K + 1)
    ]
    if len(hashes) <= WINDOW:
        return set(hashes)
    return {min(hashes[i : i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def of_files(paths: Iterable[Path]) -> set[int]:
    found: set[int] = set()
    for path in paths:
        found |= fingerprints(path.read_text(encoding="utf-8", errors="replace"))
    return found


def score(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def suspicious(a: set[int], b: set[int]) -> bool:
    """Alike enough for a person to compare, and big enough for that to mean something."""
    return min(len(a), len(b)) >= MIN_PRINTS and score(a, b) >= FLAG_AT


def pairs(prints: dict[str, set[int]]) -> dict[tuple[str, str], float]:
    """The score of every pair of names, in the order given."""
    return {(a, b): round(score(prints[a], prints[b]), 2) for a, b in combinations(prints, 2)}


def per_branch(
    scores: dict[tuple[str, str], float], names: Sequence[str]
) -> dict[str, dict[str, float]]:
    """``{branch: {other: score}}`` from the pair scores, both ways."""
    table: dict[str, dict[str, float]] = {name: {} for name in names}
    for (a, b), value in scores.items():
        table.setdefault(a, {})[b] = value
        table.setdefault(b, {})[a] = value
    return table

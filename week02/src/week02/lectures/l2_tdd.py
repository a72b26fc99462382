"""Lecture 2: the result of a red-green-refactor session (steps in docs/tdd-walkthrough.md).

``parse_duration("1h30m")`` was written test first: each test in
tests/lectures/test_l2_tdd.py was red before the code below made it green, and the code was
tidied up (refactored) only while every test was green.

Run: ``uv run python -m week02.lectures.l2_tdd``
"""

from __future__ import annotations

import datetime as dt
import re

# Refactor step 3 replaced a loop over "number+unit" pieces with one pattern: same tests, less code.
_DURATION = re.compile(r"(?:(?P<hours>\d+)h)?(?:(?P<minutes>\d+)m)?(?:(?P<seconds>\d+)s)?")


def parse_duration(text: str) -> dt.timedelta:
    """``"1h30m"`` -> 90 minutes. Units h, m, s, each at most once, largest first."""
    compact = text.strip().lower()
    match = _DURATION.fullmatch(compact)
    if not compact or match is None:
        raise ValueError(f"expected a duration such as 1h30m, 45m or 90s, got {text!r}")
    return dt.timedelta(**{unit: int(n) for unit, n in match.groupdict(default="0").items()})


def main() -> None:
    for text in ("1h30m", "45m", "2h5s", "90s"):
        print(f"{text:>6} -> {parse_duration(text)}")


if __name__ == "__main__":
    main()

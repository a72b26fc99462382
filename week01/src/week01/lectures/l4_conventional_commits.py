"""Lecture 4: conventional commits and semantic versioning.

A conventional commit message is ``type(scope)!: description``, then an optional body and footers:

    feat(api): add due dates to tasks

    Tasks accept an optional ISO date.

    BREAKING CHANGE: the `deadline` field is renamed to `due`.
    Refs: #42

Semantic versioning (``MAJOR.MINOR.PATCH``) follows from the types since the last release:
a breaking change (``!`` or a ``BREAKING CHANGE:`` footer) bumps MAJOR, ``feat`` bumps MINOR,
``fix``/``perf`` bump PATCH, everything else (docs, test, refactor, chore, ci, build, style)
releases nothing. Tools such as release-please or semantic-release read these messages and cut
releases; the week's exercise 6 writes the parser and checker.

Run: uv run python -m week01.lectures.l4_conventional_commits
"""

from __future__ import annotations

from typing import Literal

Level = Literal["major", "minor", "patch"]

# (message header, the release it causes): the rules above as examples.
EXAMPLES: list[tuple[str, Level | None]] = [
    ("fix(auth): reject expired tokens", "patch"),
    ("perf(db): add index on tasks.owner_id", "patch"),
    ("feat(tasks): filter by tag", "minor"),
    ("feat(api)!: drop the v1 endpoints", "major"),
    ("docs: explain pagination", None),
    ("refactor(tasks): split the service", None),
]


def bump_version(version: str, level: Level) -> str:
    """``bump_version("1.4.2", "minor") == "1.5.0"``: lower parts reset to zero."""
    major, minor, patch = (int(part) for part in version.split("."))
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def main() -> None:
    version = "1.4.2"
    for header, level in EXAMPLES:
        after = bump_version(version, level) if level else version
        print(f"  {header:42} {level or 'no release':10} {version} -> {after}")


if __name__ == "__main__":
    main()

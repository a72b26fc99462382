"""Exercise 6: parse and check conventional commit messages, and derive the next version.

Format (https://www.conventionalcommits.org)::

    type(scope)!: description          <- header; "(scope)" and "!" are optional

    body paragraphs (optional)

    Footer-Token: value                <- footers (optional): the last paragraph, if every
    BREAKING CHANGE: what breaks          line is "Token: value" or "Token #value"

Rules ``parse_commit`` enforces (``CommitFormatError`` with a message naming the problem):
the message is not empty; lines starting with ``#`` are ignored (git's editor comments); the
header matches the format above (one space after the colon, then a non-empty description)
with a type from ``TYPES``; the header is at most ``MAX_HEADER`` characters; a blank line
separates the header from the body. A commit is breaking when the header has ``!`` or a footer is ``BREAKING CHANGE``
(or ``BREAKING-CHANGE``). Release levels: breaking -> major, feat -> minor, fix/perf -> patch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["major", "minor", "patch"]

TYPES = frozenset(
    {"build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test"}
)
MAX_HEADER = 72
HEADER = re.compile(r"(?P<type>\w+)(?:\((?P<scope>[^()\s]+)\))?(?P<bang>!)?: (?P<description>\S.*)")
FOOTER = re.compile(r"(?P<token>BREAKING[ -]CHANGE|[A-Za-z][\w-]*)(?:: | #)(?P<value>.+)")
VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


class CommitFormatError(ValueError):
    """The message is not a valid conventional commit; the text says what to fix."""


@dataclass(frozen=True)
class CommitMessage:
    type: str
    description: str
    scope: str | None = None
    breaking: bool = False
    body: str | None = None
    footers: dict[str, str] = field(default_factory=dict)

    @property
    def release(self) -> Level | None:
        """The release this commit causes on its own."""
        # BEGIN SOLUTION breaking: major, feat: minor, fix/perf: patch
        if self.breaking:
            return "major"
        if self.type == "feat":
            return "minor"
        if self.type in ("fix", "perf"):
            return "patch"
        return None
        # END SOLUTION


def parse_commit(message: str) -> CommitMessage:
    """Parse ``message``; raise ``CommitFormatError`` naming the first rule it breaks."""
    # BEGIN SOLUTION apply the rules of the module docstring
    lines = [line.rstrip() for line in message.splitlines() if not line.startswith("#")]
    while lines and not lines[-1]:
        lines.pop()
    if not lines or not lines[0].strip():
        raise CommitFormatError("empty commit message")
    header, rest = lines[0], lines[1:]
    match = HEADER.fullmatch(header)
    if match is None:
        raise CommitFormatError(f"header must look like 'type(scope): description', got {header!r}")
    if match["type"] not in TYPES:
        allowed = ", ".join(sorted(TYPES))
        raise CommitFormatError(f"unknown type {match['type']!r}; use one of: {allowed}")
    if len(header) > MAX_HEADER:
        raise CommitFormatError(f"header is {len(header)} characters; keep it within {MAX_HEADER}")
    if rest and rest[0]:
        raise CommitFormatError("leave a blank line between the header and the body")
    body, footers = _body_and_footers(rest)
    breaking = bool(match["bang"]) or any(
        t in footers for t in ("BREAKING CHANGE", "BREAKING-CHANGE")
    )
    return CommitMessage(
        type=match["type"],
        description=match["description"].strip(),
        scope=match["scope"],
        breaking=breaking,
        body=body,
        footers=footers,
    )
    # END SOLUTION


def _body_and_footers(lines: list[str]) -> tuple[str | None, dict[str, str]]:
    """Split what follows the header: the last paragraph is footers if every line is one."""
    paragraphs = "\n".join(lines).strip().split("\n\n")
    footers: dict[str, str] = {}
    last = paragraphs[-1].splitlines()
    matches = [m for line in last if (m := FOOTER.fullmatch(line))]
    if last and len(matches) == len(last):
        footers = {m["token"]: m["value"].strip() for m in matches}
        paragraphs = paragraphs[:-1]
    body = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    return body or None, footers


def release_level(commits: Iterable[CommitMessage]) -> Level | None:
    """The highest release any of ``commits`` causes (major > minor > patch), or None."""
    # BEGIN SOLUTION the highest .release of the commits, or None
    levels = {commit.release for commit in commits}
    for level in ("major", "minor", "patch"):
        if level in levels:
            return level
    return None
    # END SOLUTION


def next_version(version: str, commits: Iterable[CommitMessage]) -> str:
    """``next_version("1.4.2", [feat commit]) == "1.5.0"``; unchanged when nothing releases.

    ``ValueError`` when ``version`` is not ``MAJOR.MINOR.PATCH``.
    """
    # BEGIN SOLUTION parse X.Y.Z, bump it by release_level(commits)
    match = VERSION.fullmatch(version.strip())
    if match is None:
        raise ValueError(f"version must look like 1.4.2, got {version!r}")
    major, minor, patch = map(int, match.groups())
    level = release_level(commits)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return f"{major}.{minor}.{patch}"
    # END SOLUTION

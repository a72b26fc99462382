"""Exercise 6: parse and check conventional commit messages; the next version; release notes.

Format (https://www.conventionalcommits.org)::

    type(scope)!: description          <- header; "(scope)" and "!" are optional

    body paragraphs (optional)

    Footer-Token: value                <- footers (optional): the last paragraph, if every
    BREAKING CHANGE: what breaks          line is "Token: value" or "Token #value"

Lines starting with ``#`` are ignored (git's editor comments). ``parse_commit`` checks, in this
order, and raises ``CommitFormatError`` with a message that contains the quoted words: the message
is not empty ("empty commit message"); the header matches the format above, with one space after
the colon and a non-empty description ("header must look like 'type(scope): description'"); its
type is one of ``TYPES`` ("unknown type '<type>'"); it has at most ``MAX_HEADER`` characters
("within 72"); a blank line separates it from the body ("blank line"). A commit is breaking when
the header has ``!`` or a footer is ``BREAKING CHANGE`` (or ``BREAKING-CHANGE``).

Release levels: breaking -> major, feat -> minor, fix/perf -> patch, other types -> none.
``changelog`` turns the commits of a release into Markdown release notes.
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
# The changelog's sections in print order: a breaking commit (of any type) goes to the first only.
SECTIONS = {
    "breaking": "Breaking changes",
    "feat": "Features",
    "fix": "Bug fixes",
    "perf": "Performance",
}


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
        # BEGIN SOLUTION Task 6: the release level of this commit
        if self.breaking:
            return "major"
        if self.type == "feat":
            return "minor"
        if self.type in ("fix", "perf"):
            return "patch"
        return None
        # END SOLUTION


def body_and_footers(lines: list[str]) -> tuple[str | None, dict[str, str]]:
    """The body (None when empty) and the footers of the lines after the header: the last
    paragraph holds footers when every one of its lines is ``Token: value`` or ``Token #value``."""
    # BEGIN SOLUTION Task 6: (body or None, footers)
    footer = re.compile(r"(?P<token>BREAKING[ -]CHANGE|[A-Za-z][\w-]*)(?:: | #)(?P<value>.+)")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    footers: dict[str, str] = {}
    if paragraphs:
        last = paragraphs[-1].splitlines()
        matches = [m for line in last if (m := footer.fullmatch(line))]
        if len(matches) == len(last):
            footers = {m["token"]: m["value"].strip() for m in matches}
            paragraphs.pop()
    return "\n\n".join(paragraphs) or None, footers
    # END SOLUTION


def parse_commit(message: str) -> CommitMessage:
    """Parse ``message``; raise ``CommitFormatError`` naming the first rule it breaks."""
    # BEGIN SOLUTION Task 6: apply the rules of the module docstring
    lines = [line.rstrip() for line in message.splitlines() if not line.startswith("#")]
    while lines and not lines[-1]:
        lines.pop()
    if not lines or not lines[0].strip():
        raise CommitFormatError("empty commit message")
    header, rest = lines[0], lines[1:]
    match = re.fullmatch(
        r"(?P<type>\w+)(?:\((?P<scope>[^()\s]+)\))?(?P<bang>!)?: (?P<description>\S.*)", header
    )
    if match is None:
        raise CommitFormatError(f"header must look like 'type(scope): description', got {header!r}")
    if match["type"] not in TYPES:
        allowed = ", ".join(sorted(TYPES))
        raise CommitFormatError(f"unknown type {match['type']!r}; use one of: {allowed}")
    if len(header) > MAX_HEADER:
        raise CommitFormatError(f"header is {len(header)} characters; keep it within {MAX_HEADER}")
    if rest and rest[0]:
        raise CommitFormatError("leave a blank line between the header and the body")
    body, footers = body_and_footers(rest)
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


def release_level(commits: Iterable[CommitMessage]) -> Level | None:
    """The highest release any of ``commits`` causes (major > minor > patch), or None."""
    # BEGIN SOLUTION Task 6: the highest release of the commits, or None
    levels = {commit.release for commit in commits}
    for level in ("major", "minor", "patch"):
        if level in levels:
            return level
    return None
    # END SOLUTION


def next_version(version: str, commits: Iterable[CommitMessage]) -> str:
    """``next_version("1.4.2", [feat commit]) == "1.5.0"``; unchanged when nothing releases.

    ``ValueError("version must look like 1.4.2, ...")`` when it is not ``MAJOR.MINOR.PATCH``.
    """
    # BEGIN SOLUTION Task 6: the version bumped by the commits' release level
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version.strip())
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


def changelog(version: str, commits: Iterable[CommitMessage]) -> str:
    """Release notes: ``## <version>``, then for each section of ``SECTIONS`` that has commits a
    blank line, ``### <title>`` and one line per commit, in the order given: ``- scope:
    description`` (``- description`` without a scope). Commits of other types are left out."""
    # BEGIN SOLUTION Task 6: the release notes
    entries: dict[str, list[str]] = {key: [] for key in SECTIONS}
    for commit in commits:
        key = "breaking" if commit.breaking else commit.type
        if key in entries:
            scope = f"{commit.scope}: " if commit.scope else ""
            entries[key].append(f"- {scope}{commit.description}")
    lines = [f"## {version}"]
    for key, title in SECTIONS.items():
        if entries[key]:
            lines += ["", f"### {title}", *entries[key]]
    return "\n".join(lines) + "\n"
    # END SOLUTION

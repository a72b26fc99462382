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
        raise NotImplementedError("TODO: Task 6: the release level of this commit")


def body_and_footers(lines: list[str]) -> tuple[str | None, dict[str, str]]:
    """The body (None when empty) and the footers of the lines after the header: the last
    paragraph holds footers when every one of its lines is ``Token: value`` or ``Token #value``."""
    raise NotImplementedError("TODO: Task 6: (body or None, footers)")


def parse_commit(message: str) -> CommitMessage:
    """Parse ``message``; raise ``CommitFormatError`` naming the first rule it breaks."""
    raise NotImplementedError("TODO: Task 6: apply the rules of the module docstring")


def release_level(commits: Iterable[CommitMessage]) -> Level | None:
    """The highest release any of ``commits`` causes (major > minor > patch), or None."""
    raise NotImplementedError("TODO: Task 6: the highest release of the commits, or None")


def next_version(version: str, commits: Iterable[CommitMessage]) -> str:
    """``next_version("1.4.2", [feat commit]) == "1.5.0"``; unchanged when nothing releases.

    ``ValueError("version must look like 1.4.2, ...")`` when it is not ``MAJOR.MINOR.PATCH``.
    """
    raise NotImplementedError("TODO: Task 6: the version bumped by the commits' release level")


def changelog(version: str, commits: Iterable[CommitMessage]) -> str:
    """Release notes: ``## <version>``, then for each section of ``SECTIONS`` that has commits a
    blank line, ``### <title>`` and one line per commit, in the order given: ``- scope:
    description`` (``- description`` without a scope). Commits of other types are left out."""
    raise NotImplementedError("TODO: Task 6: the release notes")

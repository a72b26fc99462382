"""Exercise 6 (command line): check commit messages, from a git ``commit-msg`` hook or in CI.

    uv run python -m week01.starter.commit_lint "feat(api): add health check"
    uv run python -m week01.starter.commit_lint --file .git/COMMIT_EDITMSG
    git log -1 --format=%B | uv run python -m week01.starter.commit_lint --version 1.4.2
    uv run python -m week01.starter.commit_lint --range main..HEAD --version 1.4.2

For each message it prints ``ok: <type>[(<scope>)] -> <release or "no release">``, or
``error: <problem>`` on stderr; with ``--range`` every commit of the git range is checked, oldest
first, each line starting with the commit's short hash. With ``--version`` and every message
valid it then prints ``next version: X.Y.Z``. Exit code 0 when all are valid, 1 otherwise; an
unreadable ``--file`` or a range git cannot read is a usage error (exit 2) saying why.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .commits import CommitFormatError, next_version, parse_commit


def build_parser() -> argparse.ArgumentParser:
    """A ``message`` argument, or ``--file PATH``, or ``--range A..B``; and ``--version X.Y.Z``."""
    raise NotImplementedError("TODO: Task 6: the parser for the options in the module docstring")


def read_message(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """The message from ``--file``, the argument or stdin; an unreadable file is a usage error."""
    raise NotImplementedError("TODO: Task 6: the message from --file, the argument or stdin")


def commits_in_range(revision_range: str, cwd: Path | None = None) -> list[tuple[str, str]]:
    """``(short hash, message)`` of each commit in the range, oldest first, read with ``git log``
    in ``cwd``; ``ValueError`` with git's own message when git fails (say, an unknown branch)."""
    raise NotImplementedError("TODO: Task 6: (short hash, message) per commit, from git log")


def report(messages: Sequence[tuple[str, str]], version: str | None) -> int:
    """Check ``(label, message)`` pairs and print the result lines; the exit code (0 or 1)."""
    raise NotImplementedError("TODO: Task 6: print one result line per message; the exit code")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv``); the exit code."""
    raise NotImplementedError("TODO: Task 6: parse argv, get the message(s), report them")


if __name__ == "__main__":
    sys.exit(main())

"""Exercise 6 (command line): check commit messages, from a git ``commit-msg`` hook or in CI.

    uv run python -m week01.solution.commit_lint "feat(api): add health check"
    uv run python -m week01.solution.commit_lint --file .git/COMMIT_EDITMSG
    git log -1 --format=%B | uv run python -m week01.solution.commit_lint --version 1.4.2
    uv run python -m week01.solution.commit_lint --range main..HEAD --version 1.4.2

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
    # BEGIN SOLUTION Task 6: the parser for the options in the module docstring
    parser = argparse.ArgumentParser(
        prog="commit_lint", description="Check conventional commit messages."
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("message", nargs="?", help="the message (default: read stdin)")
    source.add_argument("--file", type=Path, help="read the message from this file")
    source.add_argument("--range", dest="revision_range", help="check the commits of main..HEAD")
    parser.add_argument("--version", help="current version X.Y.Z: also print the next one")
    return parser
    # END SOLUTION


def read_message(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """The message from ``--file``, the argument or stdin; an unreadable file is a usage error."""
    # BEGIN SOLUTION Task 6: the message from --file, the argument or stdin
    if args.file is not None:
        try:
            return str(args.file.read_text(encoding="utf-8"))
        except OSError as exc:
            parser.error(f"cannot read {args.file}: {exc.strerror}")
    if args.message is not None:
        return str(args.message)
    return sys.stdin.read()
    # END SOLUTION


def commits_in_range(revision_range: str, cwd: Path | None = None) -> list[tuple[str, str]]:
    """``(short hash, message)`` of each commit in the range, oldest first, read with ``git log``
    in ``cwd``; ``ValueError`` with git's own message when git fails (say, an unknown branch)."""
    # BEGIN SOLUTION Task 6: (short hash, message) per commit, from git log
    result = subprocess.run(  # noqa: S603 (fixed program; the range is one argument, no shell)
        ["git", "log", "-z", "--reverse", "--format=%h%n%B", revision_range, "--"],  # noqa: S607
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ValueError(result.stderr.strip() or f"git log exited with {result.returncode}")
    commits = []
    for entry in result.stdout.split("\0"):
        if entry:
            short_hash, _, message = entry.partition("\n")
            commits.append((short_hash, message))
    return commits
    # END SOLUTION


def report(messages: Sequence[tuple[str, str]], version: str | None) -> int:
    """Check ``(label, message)`` pairs and print the result lines; the exit code (0 or 1)."""
    # BEGIN SOLUTION Task 6: print one result line per message; the exit code
    valid = []
    for label, message in messages:
        prefix = f"{label} " if label else ""
        try:
            commit = parse_commit(message)
        except CommitFormatError as exc:
            print(f"{prefix}error: {exc}", file=sys.stderr)
            continue
        valid.append(commit)
        scope = f"({commit.scope})" if commit.scope else ""
        print(f"{prefix}ok: {commit.type}{scope} -> {commit.release or 'no release'}")
    if len(valid) < len(messages):
        return 1
    if version is not None:
        try:
            print(f"next version: {next_version(version, valid)}")
        except ValueError as exc:  # a --version that is not X.Y.Z
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0
    # END SOLUTION


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv``); the exit code."""
    # BEGIN SOLUTION Task 6: parse argv, get the message(s), report them
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.revision_range is None:
        return report([("", read_message(parser, args))], args.version)
    try:
        messages = commits_in_range(args.revision_range)
    except ValueError as exc:
        parser.error(f"cannot read the range {args.revision_range}: {exc}")
    return report(messages, args.version)
    # END SOLUTION


if __name__ == "__main__":
    sys.exit(main())

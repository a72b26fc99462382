"""Exercise 6 (command line): check a commit message, e.g. from a git ``commit-msg`` hook.

    uv run python -m week01.solution.commit_lint "feat(api): add health check"
    uv run python -m week01.solution.commit_lint --file .git/COMMIT_EDITMSG
    git log -1 --format=%B | uv run python -m week01.solution.commit_lint --version 1.4.2

Prints ``ok: <type>[(<scope>)] -> <release or "no release">`` (and, with ``--version``, the next
version) and exits 0; for an invalid message prints ``error: <problem>`` to stderr and exits 1.
An unreadable ``--file`` is a usage error (exit 2) naming the file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .commits import next_version, parse_commit


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commit_lint", description="Check a conventional commit message."
    )
    parser.add_argument("message", nargs="?", help="the message (default: read stdin)")
    parser.add_argument("--file", type=Path, help="read the message from this file")
    parser.add_argument("--version", help="current version X.Y.Z: also print the next one")
    return parser


def read_message(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    if args.file is not None:
        try:
            return str(args.file.read_text(encoding="utf-8"))
        except OSError as exc:
            parser.error(f"cannot read {args.file}: {exc.strerror}")
    if args.message is not None:
        return str(args.message)
    return sys.stdin.read()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    message = read_message(parser, args)
    # BEGIN SOLUTION print ok/next version, or error on stderr
    try:
        commit = parse_commit(message)
        following = next_version(args.version, [commit]) if args.version else None
    except ValueError as exc:  # a CommitFormatError, or a --version that is not X.Y.Z
        print(f"error: {exc}", file=sys.stderr)
        return 1
    scope = f"({commit.scope})" if commit.scope else ""
    print(f"ok: {commit.type}{scope} -> {commit.release or 'no release'}")
    if following is not None:
        print(f"next version: {following}")
    return 0
    # END SOLUTION


if __name__ == "__main__":
    sys.exit(main())

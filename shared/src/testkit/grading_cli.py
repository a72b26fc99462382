"""The ``testkit`` subcommands for student feedback and grading.

testkit check-week N [--dsa] [--task T] [--hint LEVEL] [--time-limit S] [--test-timeout S]
testkit progress [--run]
testkit dsa [N [--task T] [--hint LEVEL]] [--run]   the DSA track, or one week's problems
testkit grade N (--branch B ... | --branches "B C" | --branches-file F) [--hidden PATH]
              [--out DIR] [--time-limit S] [--test-timeout S] [--jobs J] [--sandbox KIND]

``cli.py`` calls ``register(subparsers)`` and dispatches to the returned functions.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from testkit.grading import check, grade, progress, sandbox

Command = Callable[[Path, argparse.Namespace], int]


def _seconds(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, got {text}")
    return value


def _limits(p: argparse.ArgumentParser, test_timeout: float) -> None:
    p.add_argument(
        "--time-limit", type=_seconds, default=300, help="seconds for the whole run (300)"
    )
    p.add_argument(
        "--test-timeout", type=_seconds, default=test_timeout,
        help=f"seconds for one test ({test_timeout:g}): an endless loop fails just that test",
    )  # fmt: skip


def cmd_check_week(root: Path, args: argparse.Namespace) -> int:
    code, text = check.check_week(
        root, args.week, time_limit=args.time_limit, test_timeout=args.test_timeout,
        task=args.task, hint_level=args.hint, suite="dsa" if args.dsa else "project",
    )  # fmt: skip
    print(text)
    return code


def cmd_progress(root: Path, args: argparse.Namespace) -> int:
    if args.run:
        for folder in progress.weeks_with_projects(root):
            print(f"checking {folder} ...", file=sys.stderr)
            check.check_week(root, folder)
        _check_dsa(root)
    print(progress.table(root))
    return 0


def _check_dsa(root: Path) -> None:
    for folder in progress.weeks_with_dsa(root):
        print(f"checking the DSA problems of {folder} ...", file=sys.stderr)
        check.check_week(root, folder, suite="dsa")


def cmd_dsa(root: Path, args: argparse.Namespace) -> int:
    if args.week:
        args.dsa = True
        return cmd_check_week(root, args)
    if args.run:
        _check_dsa(root)
    print(progress.dsa_table(root))
    return 0


def cmd_grade(root: Path, args: argparse.Namespace) -> int:
    branches = grade.read_branches(args.branch + args.branches, args.branches_file)
    if not branches:
        print(
            'error: name the branches: --branch NAME, --branches "A B" or --branches-file FILE',
            file=sys.stderr,
        )
        return 2
    options = grade.GradeOptions(
        week=args.week,
        out_dir=args.out,
        hidden=args.hidden,
        time_limit=args.time_limit,
        test_timeout=args.test_timeout,
        jobs=args.jobs,
        sandbox=args.sandbox,
    )
    try:
        grade.grade(root, branches, options)
    except sandbox.SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Command]:
    """Add ``check-week``, ``dsa``, ``progress`` and ``grade`` to the ``testkit`` parser's subparsers."""
    cw = subparsers.add_parser("check-week", help="your starter against the week's project tests")
    cw.add_argument("week")
    cw.add_argument("--task", type=int, help="only this task's tests (seconds, not minutes)")
    cw.add_argument("--hint", type=int, default=1, choices=(1, 2, 3),
                    help="reveal hint tiers up to this one: 1 nudge, 2 approach, 3 sketch")  # fmt: skip
    cw.add_argument("--dsa", action="store_true", help="the week's DSA problems, not its project")
    _limits(cw, test_timeout=30)
    ds = subparsers.add_parser(
        "dsa", help="the DSA track (solved per week), or one week's problems"
    )
    ds.add_argument("week", nargs="?", help="check this week's DSA problems against dsa/starter")
    ds.add_argument("--task", type=int, help="only this problem's tests")
    ds.add_argument("--hint", type=int, default=1, choices=(1, 2, 3),
                    help="reveal hint tiers up to this one: 1 nudge, 2 approach, 3 sketch")  # fmt: skip
    ds.add_argument("--run", action="store_true", help="check every week's problems first")
    _limits(ds, test_timeout=30)
    pr = subparsers.add_parser("progress", help="your points per week (from the latest checks)")
    pr.add_argument("--run", action="store_true", help="check every week first")
    gr = subparsers.add_parser("grade", help="grade students' branches with the official tests")
    gr.add_argument("week")
    gr.add_argument("--branch", action="append", default=[], help="a branch (repeatable)")
    gr.add_argument("--branches", action="append", default=[], help="branches, space separated")
    gr.add_argument("--branches-file", type=Path, help="a file with one branch per line")
    gr.add_argument("--hidden", type=Path, default=os.environ.get("HIDDEN") or None,
                    help="instructor-only tests (a folder or file) added at grading time")  # fmt: skip
    gr.add_argument("--out", type=Path, help="report folder (default .reports/grading/<week>)")
    gr.add_argument("--jobs", type=int, default=2, help="branches graded at once (2)")
    gr.add_argument("--sandbox", choices=sandbox.KINDS, default=sandbox.default_kind(),
                    help="where students' code runs: bubblewrap (default, $TESTKIT_SANDBOX) or "
                         "none (unsafe: it runs as you; reports carry a warning)")  # fmt: skip
    _limits(gr, test_timeout=10)
    return {
        "check-week": cmd_check_week,
        "dsa": cmd_dsa,
        "progress": cmd_progress,
        "grade": cmd_grade,
    }

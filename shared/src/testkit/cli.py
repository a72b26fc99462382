"""The ``testkit`` command the Makefile calls.

testkit weeks                      course folders in this checkout, one per line
testkit folder N                   the folder of week N (1-12 weekNN, 13-14 capstone, 15-16 deploy)
testkit starters [--check] [F...]  regenerate starters from solutions, or fail on drift
testkit services up|down|status    development PostgreSQL + Redis in .data/
testkit serve [--port P]           make run: the newest project on them; stops what it started
testkit run-week N [--impl I] [--cov] [-- PYTEST ARGS]
testkit verify-week N [--quick]    two-sided verification of one week (testkit.verify)
testkit readme-commands N          the README's student commands, run as written
testkit syllabus [F...]            syllabus map check
testkit share [F...]               how much of each week's new code the student writes
testkit mutants N                  how many planted bugs the student's own tests catch
testkit watch N                    the first unfinished task's tests on every save (make watch)
testkit summary                    "N passed, N failed" over the reports in .reports/
testkit check-week N | progress | dsa [N] | grade N --branch B   feedback and grading (grading_cli)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from testkit import (
    coverage_scope,
    grading_cli,
    paths,
    readme_check,
    report,
    serve,
    share,
    starters,
    syllabus,
    verify,
)
from testkit.grading import runner
from testkit.mutants import score as mutant_score
from testkit.services import dev
from testkit.services.errors import ServiceUnavailable

COVERAGE_GATE = 90


def _pytest(root: Path, args: list[str]) -> int:
    # Bytecode cached between runs even where PYTHONDONTWRITEBYTECODE is set: compiling (and
    # assertion-rewriting) the tests and every pytest plugin's package again costs seconds a run.
    env = runner.python_env()
    return subprocess.call([sys.executable, "-m", "pytest", *args], cwd=root, env=env)  # noqa: S603


def cmd_starters(root: Path, args: argparse.Namespace) -> int:
    pairs = starters.find_pairs(root, args.folders or None)
    if args.check:
        problems = [p for pair in pairs for p in starters.drift(pair)]
        for problem in problems:
            print(problem)
        print(
            f"starters: {len(pairs)} checked, {'drift found: run `make starters`' if problems else 'in sync'}"
        )
        return 1 if problems else 0
    for pair in pairs:
        written = starters.write(pair)
        print(f"{pair.starter.relative_to(root)}: {len(written)} files")
    return 0


def cmd_services(root: Path, args: argparse.Namespace) -> int:
    data = root / ".data"
    try:
        if args.action == "up":
            for name, url in dev.up(data).items():
                print(f"{name}={url}")
        elif args.action == "down":
            print("stopped: " + (", ".join(dev.down(data)) or "nothing was running"))
        else:
            for name, running in dev.status(data).items():
                print(f"{name}: {'running' if running else 'stopped'}")
    except ServiceUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(root: Path, args: argparse.Namespace) -> int:
    return serve.serve(root, args.port)


def cmd_watch(root: Path, args: argparse.Namespace) -> int:
    from testkit.watch import session  # terminal handling (termios): only for this command

    return session.watch(root, args.week)


def cmd_run_week(root: Path, args: argparse.Namespace) -> int:
    folder = paths.week_folder(args.week)
    extra = args.pytest_args
    given = any((root / a.split("::")[0]).exists() for a in extra if not a.startswith("-"))
    targets = [] if given else [folder]  # test paths given: run only those
    options = [*targets, f"--impl={args.impl}", *extra]
    package = Path(folder) / "src" / folder
    measured = [
        p for p in (package / "solution", package / "dsa" / "solution") if (root / p).is_dir()
    ]
    if not (args.cov and args.impl == "solution" and measured):
        return _pytest(root, options)
    # Paths, not module names: the gate then measures the solution packages (the project's and
    # the DSA problems') and nothing else.
    options += [*(f"--cov={path}" for path in measured), "--cov-branch",
                "--cov-report=term-missing:skip-covered", f"--cov-fail-under={COVERAGE_GATE}"]  # fmt: skip
    scope = coverage_scope.scope(root, folder)
    print(scope.line())
    if not scope.omitted:
        return _pytest(root, options)
    # A builds_on week: the files unchanged from its base are measured there, not here.
    with tempfile.TemporaryDirectory(prefix="testkit-cov-") as tmp:
        config = coverage_scope.write_config(root, scope.omitted, Path(tmp) / "coverage.toml")
        return _pytest(root, [*options, f"--cov-config={config}"])


def cmd_verify_week(root: Path, args: argparse.Namespace) -> int:
    return 0 if verify.verify_week(root, args.week, alone_check=not args.quick) else 1


def cmd_readme_commands(root: Path, args: argparse.Namespace) -> int:
    folder = paths.week_folder(args.week)
    count, problems = readme_check.check(root, folder)
    for problem in problems:
        print(f"  FAIL: {problem}")
    print(f"{folder}: {count} README commands run as written, {len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_share(root: Path, args: argparse.Namespace) -> int:
    for folder in share.folders(root, args.folders or None):
        print(share.measure(root, folder).line())
    return 0


def cmd_mutants(root: Path, args: argparse.Namespace) -> int:
    folder = paths.week_folder(args.week)
    if not mutant_score.has_student_tests(root, folder):
        print(f"{folder} does not ask for tests of your own (no tests/student/, no mutants/).")
        return 2
    result = mutant_score.score_student_tests(root, folder)
    print(mutant_score.render(result, folder))
    return 0 if result.problem is None and result.caught == result.planted else 1


def cmd_syllabus(root: Path, args: argparse.Namespace) -> int:
    failed = False
    for folder in args.folders or paths.week_folders(root):
        total, missing = syllabus.problems(root, folder)
        print(f"{folder}: {total - len(missing)}/{total} topics mapped")
        for line in missing:
            print(f"  {line}")
        failed = failed or bool(missing)
    return 1 if failed else 0


def cmd_summary(root: Path, args: argparse.Namespace) -> int:
    """Add up the reports of this checkout's test runs into one closing line."""
    counts = {"pass": 0, "fail": 0, "error": 0, "skip": 0}
    for path in sorted((root / ".reports").glob(f"*-{args.impl}.json")):
        tests = report.load(path)["tests"]
        for test in tests:
            counts[test["status"]] += 1
        print(
            f"{path.stem}: {sum(t['status'] == 'pass' for t in tests)} of {len(tests)} tests passed"
        )
    failed = counts["fail"] + counts["error"]
    skipped = f", {counts['skip']} skipped" if counts["skip"] else ""
    print(f"{args.label}: {counts['pass']} passed, {failed} failed{skipped}")
    return 1 if failed else 0


def cmd_weeks(root: Path, args: argparse.Namespace) -> int:
    print("\n".join(paths.week_folders(root)))
    return 0


def cmd_folder(root: Path, args: argparse.Namespace) -> int:
    print(paths.week_folder(args.week))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="testkit", description="Course tooling behind the Makefile.")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("weeks", help="list course folders").set_defaults(handler=cmd_weeks)
    folder = sub.add_parser("folder", help="folder of week N")
    folder.add_argument("week")
    folder.set_defaults(handler=cmd_folder)
    s = sub.add_parser("starters", help="generate starters (or --check them)")
    s.add_argument("--check", action="store_true")
    s.add_argument("folders", nargs="*")
    s.set_defaults(handler=cmd_starters)
    sv = sub.add_parser("services", help="development PostgreSQL + Redis")
    sv.add_argument("action", choices=("up", "down", "status"))
    sv.set_defaults(handler=cmd_services)
    se = sub.add_parser("serve", help="the newest project on the development services (make run)")
    se.add_argument("--port", type=int, default=8000)
    se.set_defaults(handler=cmd_serve)
    rw = sub.add_parser("run-week", help="run one week's tests (pytest options after --)")
    rw.add_argument("week")
    rw.add_argument("--impl", default="solution")
    rw.add_argument(
        "--cov",
        action="store_true",
        help=f"branch coverage gate of {COVERAGE_GATE}%% on the solution",
    )
    rw.set_defaults(handler=cmd_run_week)
    vw = sub.add_parser("verify-week", help="two-sided verification of one week")
    vw.add_argument("week")
    vw.add_argument("--quick", action="store_true",
                    help="skip the slow checks: each test file alone, the README's commands")  # fmt: skip
    vw.set_defaults(handler=cmd_verify_week)
    rc = sub.add_parser("readme-commands", help="run the README's student commands as written")
    rc.add_argument("week")
    rc.set_defaults(handler=cmd_readme_commands)
    sh = sub.add_parser("share", help="how much of each week's new code the student writes")
    sh.add_argument("folders", nargs="*")
    sh.set_defaults(handler=cmd_share)
    wa = sub.add_parser("watch", help="run the first unfinished task's tests on every save")
    wa.add_argument("week")
    wa.set_defaults(handler=cmd_watch)
    mu = sub.add_parser("mutants", help="how many planted bugs your own tests catch")
    mu.add_argument("week")
    mu.set_defaults(handler=cmd_mutants)
    sy = sub.add_parser("syllabus", help="syllabus map check")
    sy.add_argument("folders", nargs="*")
    sy.set_defaults(handler=cmd_syllabus)
    sm = sub.add_parser("summary", help="one closing line for the test runs reported in .reports/")
    sm.add_argument("--impl", default="solution")
    sm.add_argument("--label", default="tests")
    sm.set_defaults(handler=cmd_summary)
    for name, command in grading_cli.register(sub).items():
        sub.choices[name].set_defaults(handler=command)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    split = argv.index("--") if "--" in argv else len(argv)  # what follows `--` goes to pytest
    args = parser().parse_args(argv[:split])
    args.pytest_args = argv[split + 1 :]
    try:
        handler: Callable[[Path, argparse.Namespace], int] = args.handler
        return handler(paths.course_root(), args)
    except (ValueError, FileNotFoundError, starters.MarkerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""Branches of a determined student, graded once: each cheat is neutralised or flagged for review.

"Neutralised" means the branch scores what its honest part earns (``HALF`` earns 3 of 10 here);
"flagged" means a review signal names it. None may hang grading, and every report must say what
the console said. The sample week (``testkit.grading.sample``) gets two more official tests: one
that calls the student's code from a worker thread (as an ASGI test client does), and one that
imports ``httpx`` after the week's folders are on ``sys.path``.
"""

from __future__ import annotations

import csv
import json
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from testkit.grading import grade, sample
from testkit.grading.branch import BranchResult
from testkit.grading.worktree import safe_name

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # one grading run for all

STARTER, PACKAGE, WEEK = sample.STARTER, sample.PACKAGE, sample.WEEK
SERVED = """\
from concurrent.futures import ThreadPoolExecutor

import pytest

from testkit import impl_module

text = impl_module("week99", "text")
SERVER = ThreadPoolExecutor(1, thread_name_prefix="server")  # an app server's worker thread


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_word_count_served_from_a_worker_thread() -> None:
    assert SERVER.submit(text.word_count, "a b c").result() == 3


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_the_http_client_is_the_real_one() -> None:
    import httpx  # imported now: the week's folders are on sys.path by this time

    assert httpx.codes.OK == 200
"""
BASE = {**sample.BASE_FILES, f"{WEEK}/tests/project/test_served.py": SERVED}
FULL, HALF = sample.SOLUTION_TEXT, sample.HALF
SOLUTION_FILE = f"@ROOT@/{PACKAGE}/solution/text.py"
PASSING_HOOK = """\
import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    report.outcome, report.longrepr = "passed", None
    return report
"""
PATCH_REPORTS = """\
from _pytest.reports import TestReport

_init = TestReport.__init__


def _passing(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.outcome, self.longrepr = "passed", None


TestReport.__init__ = _passing
"""
BREAK_REPORTS = """\
from _pytest.reports import TestReport


def _broken(self, *args, **kwargs):
    raise RuntimeError("reporting broken on purpose")


TestReport.__init__ = _broken
"""
FORGE_LATER = """\
import subprocess, sys

FORGER = (
    "import pathlib, time\\ntime.sleep(2)\\n"
    "for p in pathlib.Path('@OUT@').rglob('*'):\\n    p.is_file() and p.write_text('FORGED')\\n"
)
subprocess.Popen([sys.executable, "-c", FORGER], start_new_session=True,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
"""
ATEXIT = """\
import atexit, json, os, pathlib


def _forge():
    for folder in (pathlib.Path.cwd(), pathlib.Path(os.environ.get("TMPDIR", "/tmp"))):
        for path in folder.rglob("*.json"):
            path.write_text(json.dumps({"points": {"earned": 10, "possible": 10}, "tests": []}))


atexit.register(_forge)
"""
WRITE_CHECKOUT = """\
from pathlib import Path

for target in ("@ROOT@/week99/tests/project/test_text.py", Path(__file__).parents[3] / "tests/project/test_text.py"):
    try:
        Path(target).write_text("def test_anything():\\n    pass\\n")
    except OSError:
        pass
"""


@dataclass(frozen=True)
class Link:
    target: str


Files = dict[str, "str | Link | None"]  # None deletes the file


def loop(body: str) -> str:
    return FULL.replace("return len(text.split())", body)


BRANCHES: dict[str, Files] = {
    "honest/full": {STARTER: FULL},
    "honest/half": {STARTER: HALF},
    "x/reexport": {STARTER: "from week99.solution.text import *  # noqa\n"},
    "x/path": {
        STARTER: None,
        f"{PACKAGE}/starter/__init__.py": f"__path__.insert(0, '@ROOT@/{PACKAGE}/solution')\n",
    },
    "x/syspath": {
        STARTER: "import importlib, sys\n\nsys.path.insert(0, '@ROOT@/week99/src')\n"
        + HALF
        + "\ntry:\n    globals().update(vars(importlib.import_module('week99.solution.text')))\n"
        "except ImportError:\n    pass\n"
    },
    "x/read_solution": {
        STARTER: HALF
        + f"\ntry:\n    exec(open('{SOLUTION_FILE}').read())\nexcept OSError:\n    pass\n"
    },
    "x/symlink": {STARTER: Link(SOLUTION_FILE)},
    "x/report_patch": {STARTER: PATCH_REPORTS + HALF},
    "x/internal_error": {STARTER: BREAK_REPORTS + HALF},
    "x/ini": {
        STARTER: HALF,
        "pytest.ini": "[pytest]\naddopts = -p week99_cheat\n",
        f"{WEEK}/src/week99_cheat.py": PASSING_HOOK,
    },
    "x/pyproject": {
        STARTER: HALF,
        f"{WEEK}/pyproject.toml": sample.WEEK_PYPROJECT
        + '\n[tool.pytest.ini_options]\naddopts = ["-p", "week99_cheat"]\npython_files = ["*.py"]\n',
        f"{WEEK}/src/week99_cheat.py": PASSING_HOOK,
    },
    "x/conftest": {STARTER: HALF, "conftest.py": PASSING_HOOK, f"{WEEK}/conftest.py": PASSING_HOOK},
    "x/pth": {
        STARTER: HALF,
        f"{WEEK}/src/cheat.pth": "import os\n",
        f"{WEEK}/src/sitecustomize.py": "print('hello from the branch')\n",
        f"{WEEK}/src/cheat-1.0.dist-info/METADATA": "Name: cheat\n",
    },
    "x/shadow": {
        STARTER: HALF,
        f"{WEEK}/src/httpx.py": "raise ImportError('a fake httpx')\n",
        f"{WEEK}/pytest_timeout.py": "raise ImportError('a fake pytest-timeout')\n",
    },
    "x/atexit": {STARTER: ATEXIT + HALF},
    "x/detached": {STARTER: FORGE_LATER + HALF},
    "x/pipe": {STARTER: "import subprocess\n\nsubprocess.Popen(['sleep', '600'])\n" + HALF},
    "x/write_checkout": {STARTER: WRITE_CHECKOUT + HALF},
    "x/network": {
        STARTER: HALF.replace(
            'raise NotImplementedError("TODO")',
            "import socket\n    socket.create_connection(('127.0.0.1', @PORT@), timeout=1).close()\n"
            "    return len(text.split())",
            1,
        )
    },
    "x/hidden_read": {
        STARTER: HALF.replace(
            "def initials(name: str) -> str:\n    raise",
            "def initials(name: str) -> str:\n    open('@HIDDEN@/test_hidden.py').read()\n"
            '    return "".join(word[0].upper() for word in name.split())\n    raise',
        )
    },
    "x/memory": {STARTER: loop("return len(bytearray(8 << 30)) and len(text.split())")},
    "x/served_loop": {STARTER: loop("while True:\n        pass")},
    "x/sigignore": {
        STARTER: "import signal\n\n"
        + loop("signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    while True:\n        pass")
    },
    "x/exit": {STARTER: "import os\n\n" + loop("os._exit(0)")},
    "x/sysexit": {STARTER: loop("raise SystemExit(3)")},
    "x/noinit": {STARTER: FULL, f"{PACKAGE}/__init__.py": None},
}
# Points: FULL earns 10 (7 public, 1 served, 1 httpx, 1 hidden); HALF earns 3 (task 1 and httpx).
# A code path that loops, exits or exhausts memory in word_count loses its two word-count tests.
EXPECTED = {
    "honest/full": (10, set()),
    "honest/half": (3, set()),
    "x/reexport": (1, {"code"}),
    "x/path": (0, {"code", "deleted"}),
    "x/syspath": (3, {"code"}),
    "x/read_solution": (3, {"code"}),
    "x/symlink": (0, {"file"}),
    "x/report_patch": (10, {"code", "run"}),  # the patch works in-process: the tripwire flags it
    "x/internal_error": (0, {"code"}),
    "x/ini": (3, {"file", "code"}),
    "x/pyproject": (3, {"file", "code"}),
    "x/conftest": (3, {"file", "code"}),
    "x/pth": (3, {"file"}),
    "x/shadow": (3, {"shadowing"}),
    "x/atexit": (3, {"code"}),
    "x/detached": (3, {"code"}),
    "x/pipe": (3, {"code"}),
    "x/write_checkout": (3, set()),
    "x/network": (3, set()),
    "x/hidden_read": (3, set()),
    "x/memory": (7, set()),
    "x/served_loop": (7, set()),
    "x/sigignore": (7, {"code"}),
    "x/exit": (7, {"code"}),
    "x/sysexit": (7, set()),
    "x/noinit": (10, {"deleted"}),
}


def build(repo: Path, values: dict[str, str]) -> None:
    def fill(text: str) -> str:
        for key, value in values.items():
            text = text.replace(f"@{key}@", value)
        return text

    sample.write_files(repo, BASE)
    sample.git(repo, "init", "-q", "-b", "main")
    sample.git(repo, "add", "-A")
    sample.git(repo, "commit", "-q", "-m", "base")
    for name, files in BRANCHES.items():
        sample.git(repo, "checkout", "-q", "-b", name, "main")
        for path, content in files.items():
            target = repo / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if content is None:
                target.unlink()
            elif isinstance(content, Link):
                target.unlink(missing_ok=True)
                target.symlink_to(fill(content.target))
            else:
                target.write_text(fill(content))
        sample.git(repo, "add", "-A")
        sample.git(repo, "commit", "-q", "-m", f"work of {name}")
    sample.git(repo, "checkout", "-q", "main")


# Long enough for an honest test on a loaded CI machine; the looping branches wait it out.
TEST_TIMEOUT = 5


@dataclass
class Graded:
    repo: Path
    out: Path
    results: dict[str, BranchResult]
    console: list[str]
    seconds: float


@pytest.fixture(scope="module")
def listener() -> Iterator[int]:
    """A port on the grader's loopback that the sandbox must not reach."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory, listener: int) -> Graded:
    base = tmp_path_factory.mktemp("adversarial")
    repo, out = base / "repo", base / "out"
    hidden = sample.write_hidden(base / "hidden")
    build(repo, {"ROOT": str(repo), "OUT": str(out), "PORT": str(listener), "HIDDEN": str(hidden)})
    options = grade.GradeOptions(
        "week99", out_dir=out, hidden=hidden, test_timeout=TEST_TIMEOUT, jobs=2
    )
    console: list[str] = []
    started = time.monotonic()
    results = grade.grade(repo, list(BRANCHES), options, log=console.append)
    seconds = time.monotonic() - started
    time.sleep(3)  # the detached forger would write now, had it survived its sandbox
    return Graded(repo, out, {r.branch: r for r in results}, console, seconds)


def kinds(result: BranchResult) -> set[str]:
    return {signal.kind for signal in result.review}


@pytest.mark.parametrize("branch", list(EXPECTED))
def test_each_cheat_is_neutralised_or_flagged(graded: Graded, branch: str) -> None:
    result = graded.results[branch]
    points, flagged = EXPECTED[branch]
    assert (result.points()[0], kinds(result)) == (points, flagged), [
        s.line() for s in result.review
    ]
    assert result.points()[1] == 10


def test_honest_branches_get_their_points_and_no_review(graded: Graded) -> None:
    full = graded.results["honest/full"]
    assert full.status == "pass"
    assert full.review == []
    assert full.sandbox == "bubblewrap"


def test_reports_match_the_console_and_nothing_rewrote_them(graded: Graded) -> None:
    printed = {line.split(": ", 1)[0]: line for line in graded.console if "->" in line}
    with (graded.out / "matrix.csv").open(newline="") as file:
        rows = {row["branch"]: row for row in csv.DictReader(file)}
    for branch, result in graded.results.items():
        folder = graded.out / safe_name(branch)
        data = json.loads((folder / "results.json").read_text())
        earned, possible = data["points"]["earned"], data["points"]["possible"]
        assert printed[branch].startswith(f"{branch}: {earned}/{possible}")
        assert f"**Points: {earned}/{possible}**" in (folder / "report.md").read_text()
        assert (rows[branch]["total"], rows[branch]["possible"]) == (str(earned), str(possible))
        assert data["review"]["flagged"] == bool(result.review)
    forged = [p for p in graded.out.rglob("*") if p.is_file() and p.read_text() == "FORGED"]
    assert forged == []


def test_no_branch_hangs_grading(graded: Graded) -> None:
    # A hang would wait for a branch's time limit (300 s): the slowest branch, which sits out two
    # hangs of 8 s and their restarts, takes well under half of that even on a loaded machine.
    assert max(r.duration for r in graded.results.values()) < 150
    assert not any(r.timed_out for r in graded.results.values())


def test_the_graders_checkout_stays_as_it_was(graded: Graded) -> None:
    assert sample.git(graded.repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert (graded.repo / WEEK / "tests" / "project" / "test_text.py").read_text() == sample.TESTS


def test_the_reexport_imports_the_branch_itself_not_the_reference(graded: Graded) -> None:
    [signal] = graded.results["x/reexport"].review
    assert signal.where == f"{STARTER}:1"
    assert "week99.solution.text" in signal.detail


def test_a_changed_report_class_trips_the_wire(graded: Graded) -> None:
    lines = [s.line() for s in graded.results["x/report_patch"].review]
    assert any("must fail was reported as pass" in line for line in lines), lines
    assert any("imports _pytest" in line for line in lines), lines


def test_broken_pytest_internals_are_named(graded: Graded) -> None:
    result = graded.results["x/internal_error"]
    assert result.reason is not None
    assert "internal error" in result.reason
    assert "RuntimeError: reporting broken on purpose" in result.reason


def test_branch_pytest_configuration_is_ignored_and_flagged(graded: Graded) -> None:
    for branch, path in (("x/ini", "pytest.ini"), ("x/pyproject", f"{WEEK}/pyproject.toml"),
                         ("x/conftest", "conftest.py"), ("x/conftest", f"{WEEK}/conftest.py")):  # fmt: skip
        where = {s.where for s in graded.results[branch].review}
        assert path in where, (branch, where)


def test_shadowing_modules_are_removed_and_flagged(graded: Graded) -> None:
    lines = [s.line() for s in graded.results["x/shadow"].review]
    assert (
        f"{WEEK}/src/httpx.py: named like the installed module 'httpx': removed before grading"
        in lines
    )
    assert any(line.startswith(f"{WEEK}/pytest_timeout.py") for line in lines)
    served = {t.name.rsplit("::", 1)[1]: t.status for t in graded.results["x/shadow"].tests}
    assert served["test_the_http_client_is_the_real_one"] == "pass"


def test_a_hang_the_timeout_cannot_stop_costs_only_that_test(graded: Graded) -> None:
    result = graded.results["x/sigignore"]
    failed = {t.name.rsplit("::", 1)[1]: t for t in result.tests if t.status != "pass"}
    assert set(failed) == {"test_word_count", "test_word_count_served_from_a_worker_thread"}
    assert failed["test_word_count"].timed_out
    assert f"still running after {TEST_TIMEOUT * 1.5 + 5:g} s, so the grader stopped it" in (
        failed["test_word_count"].message or ""
    )


def test_exits_and_crashes_name_what_happened(graded: Graded) -> None:
    exits = {
        t.name.rsplit("::", 1)[1]: t.message
        for t in graded.results["x/exit"].tests
        if t.status != "pass"
    }
    assert "the test process ended while this test ran (exit code 0)" in (
        exits["test_word_count"] or ""
    )
    sysexit = {t.name.rsplit("::", 1)[1]: t.message for t in graded.results["x/sysexit"].tests}
    assert (sysexit["test_word_count"] or "").startswith("SystemExit: 3")
    memory = {t.name.rsplit("::", 1)[1]: t.message for t in graded.results["x/memory"].tests}
    assert (memory["test_word_count"] or "").startswith("MemoryError")


def test_a_worker_thread_stuck_in_a_loop_does_not_block_the_rest(graded: Graded) -> None:
    result = graded.results["x/served_loop"]
    served = next(t for t in result.tests if t.name.endswith("served_from_a_worker_thread"))
    assert served.timed_out
    assert re.search(rf"Timeout \(>{TEST_TIMEOUT}(\.0)?s\)", served.message or "")
    assert not result.timed_out


def test_a_missing_init_grades_the_branch_code_as_a_namespace_package(graded: Graded) -> None:
    lines = [s.line() for s in graded.results["x/noinit"].review]
    assert lines == [
        f"{PACKAGE}/__init__.py: a given file was deleted (the package then imports as a namespace package)"
    ]

"""Cheat signals read from code and files, and similarity by winnowing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from testkit.grading import sample, signals, similarity


def keys(source: str) -> list[tuple[str, int]]:
    return [(key, line) for key, line, _ in signals.code_uses(source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from week03.solution.tasks.service import *", [("solution", 1)]),
        ("from ..solution import text", [("solution", 1)]),
        ("import week03.solution", [("solution", 1)]),
        ("__path__.insert(0, '/x')", [("__path__", 1)]),
        ("__path__ = ['/x']", [("__path__", 1)]),
        ("import pkg\npkg.__path__[:] = ['/x']", [("__path__", 2)]),
        ("import sys\nsys.modules['x'] = None", [("sys.modules", 2)]),
        ("from os import _exit\n_exit(0)", [("os._exit", 1)]),
        ("import os as o\no._exit(0)", [("os._exit", 2)]),
        ("import atexit, ctypes", [("import atexit", 1), ("import ctypes", 1)]),
        ("from _pytest.reports import TestReport", [("import _pytest", 1)]),
        ("def pytest_runtest_makereport(item, call):\n    pass", [("pytest hook", 1)]),
        ("exec('x = 1')", [("exec", 1)]),
        ("open('/proc/self/fd/3')", [("raw path", 1)]),
        ("m = 'week03.solution.text'", [("solution", 1)]),
        ('"""Like week03.solution, but mine."""', []),  # a docstring does nothing
        ("def broken(:", []),
    ],
)
def test_code_uses(source: str, expected: list[tuple[str, int]]) -> None:
    assert keys(source) == expected


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
                   cwd=repo, check=True, capture_output=True)  # fmt: skip


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path]:
    """The grader's sample checkout and a branch's copy of it (both git repositories)."""
    official, branch = tmp_path / "official", tmp_path / "branch"
    for root in (official, branch):
        sample.write_files(root, sample.BASE_FILES)
        git(root, "init", "-q")
        git(root, "add", "-A")
    return official, branch


def test_only_uses_the_week_does_not_teach_are_flagged(trees: tuple[Path, Path]) -> None:
    official, branch = trees
    lecture = {f"{sample.PACKAGE}/lectures/l1.py": "import subprocess\n"}  # the week teaches it
    sample.write_files(official, lecture)
    sample.write_files(
        branch, {**lecture, sample.STARTER: "import subprocess, atexit\n" + sample.HALF}
    )
    found = signals.scan(official, branch, sample.WEEK)
    assert [s.line() for s in found] == [
        f"{sample.STARTER}:1: imports atexit, which runs code when the interpreter exits, after the tests"
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import pytest\nfrom testkit import impl_module", [("import pytest", 1),
                                                             ("import testkit.impl_module", 2)]),
        ("from testkit.grading import stream", [("import testkit.grading", 1)]),
        ("def pytest_runtest_makereport(item, call):\n    pass",
         [("pytest hook pytest_runtest_makereport", 1)]),
        ("import inspect\ninspect.getsource(f)", [("import inspect", 1), (".getsource", 2)]),
        ("import time, hashlib", [("import time", 1), ("import hashlib", 1)]),
        ("Path(m.__file__).read_text()", [(".read_text", 1), (".__file__", 1)]),
        ("x = open('week03/mutants/a.patch')", [("open", 1), ("mutants", 1)]),
        ("assert 'slug' in text", []),
    ],
)  # fmt: skip
def test_code_uses_in_the_students_own_tests(source: str, expected: list[tuple[str, int]]) -> None:
    assert [(key, line) for key, line, _ in signals.code_uses(source, tests=True)] == expected


def test_the_students_own_tests_may_use_what_the_graders_tests_use(
    trees: tuple[Path, Path],
) -> None:
    official, branch = trees
    mine = f"{sample.WEEK}/tests/student/test_mine.py"
    sample.write_files(
        branch, {mine: "import time\n\nimport pytest\n\nfrom testkit import impl_module\n"}
    )
    found = signals.scan(official, branch, sample.WEEK)
    assert [s.line() for s in found] == [
        f"{mine}:1: imports time, which measures time (a planted bug is told by behaviour, not "
        "by a clock)"
    ]


def test_files_python_or_pytest_load_by_themselves(trees: tuple[Path, Path]) -> None:
    official, branch = trees
    sample.write_files(branch, {
        "pytest.ini": "[pytest]\n",
        "tox.ini": "[pytest]\naddopts = -x\n",
        "setup.cfg": "[metadata]\nname = x\n",  # no pytest section: fine
        "pyproject.toml": sample.ROOT_PYPROJECT + "\n# changed\n",
        f"{sample.WEEK}/src/x.pth": "import os\n",
        f"{sample.WEEK}/src/sitecustomize.py": "",
        f"{sample.WEEK}/src/x-1.dist-info/METADATA": "",
        f"{sample.WEEK}/conftest.py": "",
        f"{sample.WEEK}/tests/conftest.py": "# changed: the tamper check's business\n",
    })  # fmt: skip
    (branch / "link.py").symlink_to("/etc/hostname")
    (branch / "inside.py").symlink_to("pyproject.toml")  # inside the branch: fine
    git(branch, "add", "-A")
    found = {s.where: s.detail for s in signals.file_signals(official, branch, sample.WEEK)}
    found |= {s.where: s.detail for s in signals.symlink_signals(branch)}
    assert set(found) == {
        "pytest.ini", "tox.ini", "pyproject.toml", f"{sample.WEEK}/src/x.pth",
        f"{sample.WEEK}/src/sitecustomize.py", f"{sample.WEEK}/src/x-1.dist-info/METADATA",
        f"{sample.WEEK}/conftest.py", "link.py",
    }  # fmt: skip
    assert found["link.py"] == "a symbolic link to /etc/hostname, outside the branch"


def test_shadowing_and_deleted_given_files(trees: tuple[Path, Path]) -> None:
    official, branch = trees
    sample.write_files(branch, {
        f"{sample.WEEK}/src/json.py": "", f"{sample.WEEK}/src/helpers.py": "",
        f"{sample.WEEK}/httpx/__init__.py": "",
    })  # fmt: skip
    (branch / sample.PACKAGE / "__init__.py").unlink()
    found = signals.shadowing(official, branch, sample.WEEK)
    assert [(path.name, s.where) for path, s in found] == [
        ("json.py", f"{sample.WEEK}/src/json.py"), ("httpx", f"{sample.WEEK}/httpx"),
    ]  # fmt: skip
    [deleted] = signals.deleted_given(official, branch, sample.WEEK)
    assert deleted.where == f"{sample.PACKAGE}/__init__.py"


RENAMED = '''\
def count_the_words(s: str) -> int:
    """Counts words."""  # a new docstring and comment
    pieces = s.split()
    return len(pieces)
'''
ORIGINAL = """\
def word_count(text: str) -> int:
    words = text.split()
    return len(words)
"""
OTHER = """\
def word_count(text: str) -> int:
    total = 0
    for part in text.split(" "):
        if part:
            total += 1
    return total
"""


def test_renaming_and_comments_do_not_hide_a_copy() -> None:
    assert similarity.tokens(RENAMED) == similarity.tokens(ORIGINAL)
    copy, other = similarity.fingerprints(ORIGINAL * 5), similarity.fingerprints(RENAMED * 5)
    assert similarity.score(copy, other) == 1.0
    assert similarity.score(copy, similarity.fingerprints(OTHER * 5)) < 0.5
    assert similarity.score(copy, set()) == 0.0
    assert similarity.tokens("def broken(:\n  '") == []


def test_pairs_are_scored_once_and_listed_both_ways() -> None:
    prints = {"a": {1, 2, 3, 4}, "b": {1, 2, 3, 4, 5, 6, 7, 8}, "c": {9}}
    scores = similarity.pairs(prints)
    assert scores == {("a", "b"): 1.0, ("a", "c"): 0.0, ("b", "c"): 0.0}
    assert similarity.per_branch(scores, ["a", "b", "c"])["b"] == {"a": 1.0, "c": 0.0}
    assert not similarity.suspicious(prints["a"], prints["b"])  # too little code to mean much
    big = set(range(100))
    assert similarity.suspicious(big, big | {1000})

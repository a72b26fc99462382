"""A small sample course in a git repository, with students' branches, to try the grader on.

Used by the grading tests and ``shared/benchmarks/bench_grading.py``; graders can try it too:

    python -c "from testkit.grading import sample; sample.build(__import__('pathlib').Path('/tmp/c'))"
    cd /tmp/c && testkit grade week99 --branches "$(git branch --format='%(refname:short)' | grep /)"

Week ``week99`` has three tasks (7 points) over a tiny text module, an app with
``create_app().openapi()`` and ``hints.md``. The branches: ``alice/full`` (everything done),
``bob/half`` (task 1 done, an API field renamed), ``carol/tamper`` (task 1 done, tests edited, a
dependency added), ``dave/syntax`` (a syntax error), ``erin/loop`` (all done but task 2 loops
forever), and on request ``frank/hang`` (an endless loop at import time).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

WEEK = "week99"
PACKAGE = f"{WEEK}/src/{WEEK}"

ROOT_PYPROJECT = """\
[tool.pytest.ini_options]
addopts = ["-ra", "--strict-markers", "-p", "no:cacheprovider"]
asyncio_mode = "auto"
asyncio_default_fixture_loop_scope = "session"
asyncio_default_test_loop_scope = "session"
"""

WEEK_PYPROJECT = """\
[project]
name = "week99"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["course-testkit"]

[tool.course]
title = "Sample week"
status = "done"
"""

HINTS = """\
# Week 99 hints

## Task 1: Slugs
Lower-case the title and join its words with "-"; `str.split()` without arguments
drops repeated spaces for you.

## Task 2: Word count
Count the words that `str.split()` returns.

## Task 3: Initials
Take the first letter of each word, upper-cased.
"""

SOLUTION_TEXT = '''\
"""Text helpers of the sample week."""


def slugify(title: str) -> str:
    return "-".join(title.lower().split())


def word_count(text: str) -> int:
    return len(text.split())


def initials(name: str) -> str:
    return "".join(word[0].upper() for word in name.split())
'''

STARTER_TEXT = '''\
"""Text helpers of the sample week."""


def slugify(title: str) -> str:
    raise NotImplementedError("TODO: lower-case the words and join them with -")


def word_count(text: str) -> int:
    raise NotImplementedError("TODO: count the words")


def initials(name: str) -> str:
    raise NotImplementedError("TODO: first letter of each word, upper-cased")
'''

MAIN = '''\
"""The sample week's app: just enough of an ASGI app's interface for the contract diff."""

from typing import Any

FIELD = "slug"


class App:
    def openapi(self) -> dict[str, Any]:
        item = {"type": "object", "properties": {FIELD: {"type": "string"}}, "required": [FIELD]}
        body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}
        return {
            "openapi": "3.1.0",
            "paths": {"/slugs": {"post": {"requestBody": body, "responses": {"201": body, "422": {}}}}},
            "components": {"schemas": {"Item": item}},
        }


def create_app() -> App:
    return App()
'''

TESTS = """\
import pytest

from testkit import impl_module

text = impl_module("week99", "text")


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_slugify_joins_words() -> None:
    assert text.slugify("Hello World") == "hello-world"


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_slugify_drops_repeated_spaces() -> None:
    assert text.slugify("  A   B ") == "a-b"


@pytest.mark.task(2)
@pytest.mark.points(2)
def test_word_count() -> None:
    assert text.word_count("one two  three") == 3


@pytest.mark.task(3)
@pytest.mark.points(3)
def test_initials() -> None:
    assert text.initials("ada lovelace") == "AL"
"""

HIDDEN_TESTS = """\
import pytest

from testkit import impl_module

text = impl_module("week99", "text")


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_initials_of_one_word() -> None:
    assert text.initials("plato") == "P"
"""

BASE_FILES = {
    "pyproject.toml": ROOT_PYPROJECT,
    "uv.lock": "",
    ".gitignore": "__pycache__/\n.reports/\n",
    "shared/README.md": "The testkit (a stand-in in this sample).\n",
    f"{WEEK}/pyproject.toml": WEEK_PYPROJECT,
    f"{WEEK}/hints.md": HINTS,
    f"{PACKAGE}/__init__.py": "",
    f"{PACKAGE}/solution/__init__.py": "",
    f"{PACKAGE}/solution/text.py": SOLUTION_TEXT,
    f"{PACKAGE}/solution/main.py": MAIN,
    f"{PACKAGE}/starter/__init__.py": "",
    f"{PACKAGE}/starter/text.py": STARTER_TEXT,
    f"{PACKAGE}/starter/main.py": MAIN,
    f"{WEEK}/tests/__init__.py": "",
    f"{WEEK}/tests/conftest.py": '"""Fixtures of the sample week: the testkit plugin\'s."""\n',
    f"{WEEK}/tests/project/__init__.py": "",
    f"{WEEK}/tests/project/test_text.py": TESTS,
}

STARTER = f"{PACKAGE}/starter/text.py"
HALF = SOLUTION_TEXT.replace(
    "return len(text.split())", 'raise NotImplementedError("TODO")'
).replace(
    'return "".join(word[0].upper() for word in name.split())', 'raise NotImplementedError("TODO")'
)
BRANCHES: dict[str, dict[str, str]] = {
    "alice/full": {STARTER: SOLUTION_TEXT},
    "bob/half": {STARTER: HALF, f"{PACKAGE}/starter/main.py": MAIN.replace('"slug"', '"name"')},
    "carol/tamper": {
        STARTER: HALF,
        f"{WEEK}/tests/project/test_text.py": TESTS.replace("assert text.", "assert True or text."),
        f"{WEEK}/pyproject.toml": WEEK_PYPROJECT.replace(
            '["course-testkit"]', '["course-testkit", "requests"]'
        ),
    },
    "dave/syntax": {
        STARTER: SOLUTION_TEXT.replace(
            "def initials(name: str) -> str:", "def initials(name: str) -> str"
        )
    },
    "erin/loop": {
        STARTER: SOLUTION_TEXT.replace("return len(text.split())", "while True:\n        pass")
    },
}
HANG = {"frank/hang": {STARTER: "while True:\n    pass\n"}}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` as a fixed author (for sample repositories); its output."""
    return subprocess.run(  # noqa: S603 - fixed command
        ["git", "-c", "user.name=Grader", "-c", "user.email=grader@example.com",  # noqa: S607
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def build(root: Path, *, hang: bool = False) -> list[str]:
    """Create the sample repository in ``root`` (branch ``main``) and its students' branches."""
    root.mkdir(parents=True, exist_ok=True)
    write_files(root, BASE_FILES)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "sample week")
    branches = {**BRANCHES, **(HANG if hang else {})}
    for name, files in branches.items():
        git(root, "checkout", "-q", "-b", name, "main")
        write_files(root, files)
        git(root, "commit", "-q", "-am", f"work of {name}")
    git(root, "checkout", "-q", "main")
    return list(branches)


def write_hidden(folder: Path) -> Path:
    """Instructor-only tests for the sample week (one test, task 3, 1 point)."""
    write_files(folder, {"test_hidden.py": HIDDEN_TESTS})
    return folder

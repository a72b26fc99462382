"""The ``testkit`` command: folders, starters, services, verification, syllabus."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
import redis

from testkit import cli, paths
from testkit.services.process import free_port


def commands() -> list[str]:
    [sub] = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return list(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_prints_its_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    # argparse formats help with %: a stray "%" in a help text is a traceback, not a page.
    with pytest.raises(SystemExit) as exited:
        cli.main([command, "--help"])
    assert exited.value.code == 0
    assert f"usage: testkit {command}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("week", "folder"),
    [("1", "week01"), (3, "week03"), ("12", "week12"), ("13", "capstone"), ("14", "capstone"),
     ("16", "deploy"), ("week3", "week03"), ("capstone", "capstone")],
)  # fmt: skip
def test_week_folder(week: str | int, folder: str) -> None:
    assert paths.week_folder(week) == folder


@pytest.mark.parametrize("week", ["0", "17", "x", ""])
def test_week_folder_refuses_nonsense(week: str) -> None:
    with pytest.raises(ValueError, match="from 1 to 16"):
        paths.week_folder(week)


def test_folder_command_reports_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["folder", "99"]) == 2
    assert "week must be a number from 1 to 16" in capsys.readouterr().err


SOLUTION = """\
def add(a: int, b: int) -> int:
    # BEGIN SOLUTION add the numbers
    return a + b
    # END SOLUTION
"""

PROJECT_TEST = """\
import pytest

from testkit import impl_module


@pytest.mark.task(1)
def test_add() -> None:
    assert impl_module("week99", "calc").add(2, 3) == 5
"""

README = f"""\
# Week 99

## How to work

```bash
{sys.executable} -m pytest week99/tests/project --impl starter -q -p no:cacheprovider
```

## Syllabus map

| ID | Topic | Where |
| --- | --- | --- |
| `W99.L1.1` | Adding | [calc](src/week99/solution/calc.py) |
"""


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-week course: week99 with a solution, project tests and a syllabus."""
    (tmp_path / "uv.lock").write_text("")
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = session\n")
    (tmp_path / "shared").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "syllabus.md").write_text(
        "- `W99.L1.1` Adding\n- `W99.L1.2` Subtracting\n"
    )
    week = tmp_path / "week99"
    solution = week / "src" / "week99" / "solution"
    solution.mkdir(parents=True)
    (week / "src" / "week99" / "__init__.py").write_text("")
    (solution / "__init__.py").write_text("")
    (solution / "calc.py").write_text(SOLUTION)
    (week / "tests" / "project").mkdir(parents=True)
    (week / "tests" / "project" / "test_calc.py").write_text(PROJECT_TEST)
    (week / "pyproject.toml").write_text('[tool.course]\nstatus = "done"\n')
    (week / "README.md").write_text(README)
    monkeypatch.setenv("COURSE_ROOT", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", str(week / "src"))
    monkeypatch.syspath_prepend(str(week / "src"))
    return tmp_path


def test_starters_generate_then_check(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["starters", "--check"]) == 1
    assert "drift found" in capsys.readouterr().out
    assert cli.main(["starters"]) == 0
    assert cli.main(["starters", "--check"]) == 0
    assert cli.main(["weeks"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "week99"


def test_verify_week(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["starters"])
    # --quick: the files alone and the README's commands run once, in the full verify below.
    assert cli.main(["verify-week", "week99", "--quick"]) == 1  # the map misses W99.L1.2
    out = capsys.readouterr().out
    assert "missing: W99.L1.2 not mapped" in out
    assert "week99: the starter fails its project tests, as it should" in out
    (course / "week99" / "README.md").write_text(
        README + "| `W99.L1.2` | Subtracting | [calc](src/week99/solution/calc.py) |\n"
    )
    assert cli.main(["verify-week", "week99"]) == 0
    out = capsys.readouterr().out
    assert "week99: 3 test sessions: every test file alone, per implementation, behaves as" in out
    assert "week99: the README's 1 student command(s) run as written, and work" in out
    assert cli.main(["syllabus", "week99"]) == 0


def test_verify_week_fails_when_the_starter_passes(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (course / "week99" / "src" / "week99" / "solution" / "calc.py").write_text(
        "def add(a: int, b: int) -> int:\n    return a + b\n"
    )
    cli.main(["starters"])
    assert cli.main(["verify-week", "week99"]) == 1
    assert "the starter passes every project test" in capsys.readouterr().out


def test_run_week_runs_pytest_for_the_impl(course: Path) -> None:
    cli.main(["starters"])
    assert cli.main(["run-week", "week99", "--", "-q", "-p", "no:cacheprovider"]) == 0
    assert (
        cli.main(["run-week", "week99", "--impl", "starter", "--", "-q", "-p", "no:cacheprovider"])
        == 1
    )


def test_run_week_keeps_bytecode_even_where_writing_it_is_off(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # An empty cache compiles every module the session imports: not the two plugins it never uses.
    lean = ["-p", "no:schemathesis", "-p", "no:hypothesispytest"]
    cli.main(["run-week", "week99", "--", "-q", "-p", "no:cacheprovider", *lean])

    cached = tmp_path / "cache" / "course-testkit" / "pycache"
    assert [p.name for p in cached.rglob("test_calc.*pytest*.pyc")]  # rewritten once, kept


def test_services_up_status_down(tmp_path: Path) -> None:
    (tmp_path / "uv.lock").write_text("")
    (tmp_path / "shared").mkdir()
    env = os.environ | {
        "COURSE_ROOT": str(tmp_path),
        "DEV_PG_PORT": str(free_port()),
        "DEV_REDIS_PORT": str(free_port()),
    }

    def testkit(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "testkit.cli", "services", *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    try:
        urls = dict(line.split("=", 1) for line in testkit("up").splitlines())
        with psycopg.connect(urls["DATABASE_URL"], autocommit=True) as conn:
            conn.execute("CREATE TABLE kept (id int)")
        redis.Redis.from_url(urls["REDIS_URL"]).set("kept", "1")
        assert testkit("up").splitlines() == [f"{k}={v}" for k, v in urls.items()]  # idempotent
        assert testkit("status") == "postgres: running\nredis: running\n"
    finally:
        assert "postgres, redis" in testkit("down")
    assert testkit("status") == "postgres: stopped\nredis: stopped\n"
    testkit("up")  # data survived the restart
    try:
        with psycopg.connect(urls["DATABASE_URL"]) as conn:
            assert conn.execute("SELECT to_regclass('kept')::text").fetchone() == ("kept",)
        assert redis.Redis.from_url(urls["REDIS_URL"]).get("kept") == b"1"
    finally:
        testkit("down")


def test_summary_adds_up_the_reports(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["starters"])
    cli.main(["run-week", "week99", "--", "-q", "-p", "no:cacheprovider"])
    cli.main(["run-week", "week99", "--impl", "starter", "--", "-q", "-p", "no:cacheprovider"])
    capsys.readouterr()
    assert cli.main(["summary", "--label", "ci"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ci: 1 passed, 0 failed"
    assert cli.main(["summary", "--impl", "starter"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "tests: 0 passed, 1 failed"


def test_run_week_keeps_the_folder_unless_test_paths_are_given(course: Path) -> None:
    cli.main(["starters"])
    (course / "elsewhere").mkdir()
    (course / "elsewhere" / "test_add_elsewhere.py").write_text(
        "def test_add():\n    raise AssertionError\n"
    )
    assert cli.main(["run-week", "week99", "--", "-q", "-k", "add", "-p", "no:cacheprovider"]) == 0
    path = "week99/tests/project/test_calc.py::test_add"
    assert (
        cli.main(
            ["run-week", "week99", "--impl", "starter", "--", path, "-q", "-p", "no:cacheprovider"]
        )
        == 1
    )

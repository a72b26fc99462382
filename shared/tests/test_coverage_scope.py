"""The coverage gate of a builds_on week measures only what the week adds or changes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from testkit import cli, coverage_scope

from . import minicourse

# Week 98's solution, with the markers its students filled in and its own package name.
BASE_UTIL = """\
from week98.solution import calc


def double(a: int) -> int:
    # BEGIN SOLUTION use add
    return calc.add(a, a)
    # REPLACE WITH
    # return a
    # END SOLUTION
"""
# Week 99 copies it plain: no markers, its own package name, a comment of its own.
COPIED_UTIL = """\
from week99.solution import calc


def double(a: int) -> int:
    # students wrote this in week 98
    return calc.add(a, a)
"""
BUILDS_ON = '[tool.course]\ntitle = "Mini"\nstatus = "done"\nbuilds_on = "week98"\n'


def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds_on: bool = True) -> Path:
    return minicourse.make(tmp_path, monkeypatch, {
        "week98/pyproject.toml": '[tool.course]\ntitle = "Base"\n',
        "week98/src/week98/solution/calc.py": "def add(a: int, b: int) -> int:\n    return a + b\n",
        "week98/src/week98/solution/util.py": BASE_UTIL,
        "week99/src/week99/solution/util.py": COPIED_UTIL,
        **({"week99/pyproject.toml": BUILDS_ON} if builds_on else {}),
    })  # fmt: skip


def test_a_builds_on_week_leaves_out_only_the_files_unchanged_from_its_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch)
    scope = coverage_scope.scope(root, "week99")
    solution = root / "week99" / "src" / "week99" / "solution"
    # util.py differs only in markers, comments and the package name; calc.py gained clamp;
    # __init__.py is new (week 98 has none).
    assert scope.omitted == (solution / "util.py",)
    assert (scope.base, scope.total) == ("week98", 3)
    assert scope.line() == (
        "coverage: week99 builds on week98: 1 of 3 solution files are unchanged from week98's "
        "(measured in week98) and left out; the gate measures the 2 new or changed ones"
    )


def test_a_changed_line_of_code_keeps_the_file_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch)
    util = root / "week99" / "src" / "week99" / "solution" / "util.py"
    util.write_text(COPIED_UTIL.replace("calc.add(a, a)", "calc.add(a, a) + 0"))
    assert coverage_scope.scope(root, "week99").omitted == ()


def test_a_week_without_builds_on_is_measured_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch, builds_on=False)
    scope = coverage_scope.scope(root, "week99")
    assert (scope.base, scope.omitted) == (None, ())
    assert scope.line() == "coverage: week99: every solution file is measured"


def test_the_config_keeps_the_course_settings_and_adds_the_omitted_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.coverage.run]\nbranch = true\nomit = ["*/migrations/*"]\n'
        '[tool.coverage.report]\nexclude_also = ["if TYPE_CHECKING:"]\nskip_covered = true\n'
    )
    omitted = (tmp_path / "a b.py", tmp_path / 'quote".py')
    config = coverage_scope.write_config(tmp_path, omitted, tmp_path / "coverage.toml")
    tables = tomllib.loads(config.read_text())["tool"]["coverage"]
    assert tables == {
        "run": {"branch": True, "omit": ["*/migrations/*", *map(str, omitted)]},
        "report": {"exclude_also": ["if TYPE_CHECKING:"], "skip_covered": True},
    }


def test_run_week_gates_only_the_new_code_and_says_what_it_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # No test calls util.double: measured, util.py would pull the week under the gate.
    root = course(tmp_path, monkeypatch)
    args = ["run-week", "week99", "--cov", "--", "-q", "-p", "no:cacheprovider"]
    assert cli.main(args) == 0
    out = capfd.readouterr().out
    assert "1 of 3 solution files are unchanged from week98's" in out
    assert "Required test coverage of 90% reached" in out

    (root / "week99" / "pyproject.toml").write_text('[tool.course]\ntitle = "Mini"\n')
    assert cli.main(args) == 1  # the same code without builds_on: util.py counts, and fails
    out = capfd.readouterr().out
    assert "util.py" in out
    assert "FAIL Required test coverage of 90% not reached" in out

"""The student share: marked code lines over the code lines a week's solution adds."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import cli, share

from . import minicourse

APP = "def create_app() -> None:\n    pass\n"


def test_counts_code_lines_inside_markers_over_all_solution_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {
        "week99/src/week99/solution/queries.sql":
            "-- a comment\n-- BEGIN SOLUTION write it\nSELECT 1;\n-- END SOLUTION\n",
    })  # fmt: skip
    measured = share.measure(root, "week99")
    # calc.py: 4 def/return lines (2 marked); queries.sql: 1 marked line; comments do not count.
    assert (measured.marked, measured.new, measured.base) == (3, 5, "all solution lines")
    assert measured.line() == "week99: student writes 3 of 5 lines (all solution lines) = 60%"


def test_a_week_with_an_app_counts_only_what_it_adds_over_the_previous_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {
        "week98/src/week98/solution/main.py": APP,
        "week98/src/week98/solution/calc.py": "def add(a: int, b: int) -> int:\n    return a + b\n",
        "week99/src/week99/solution/main.py": APP,
    })  # fmt: skip
    measured = share.measure(root, "week99")
    # Only clamp's 2 lines are new (add and the app are week98's); the marked lines are both
    # returns (marked code counts wherever it is: the student writes it this week).
    assert (measured.marked, measured.new, measured.base) == (2, 2, "new vs week98")
    assert cli.main(["share", "week99"]) == 0
    assert "= 100%" in capsys.readouterr().out


def test_a_week_may_name_the_app_it_builds_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {
        "week97/src/week97/solution/main.py": APP,
        "week97/src/week97/solution/calc.py": "def add(a: int, b: int) -> int:\n    return a + b\n",
        "week98/src/week98/solution/main.py": APP,
        "week99/src/week99/solution/main.py": APP,
        "week99/pyproject.toml": '[tool.course]\nbuilds_on = "week97"\n',
    })  # fmt: skip
    measured = share.measure(root, "week99")
    assert (measured.marked, measured.new, measured.base) == (2, 2, "new vs week97")


def test_the_gate_is_opt_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = minicourse.make(tmp_path, monkeypatch)
    assert not share.gated(root, "week99")
    (root / "week99" / "pyproject.toml").write_text("[tool.course]\nshare_gate = true\n")
    assert share.gated(root, "week99")


def test_a_share_just_under_the_goal_is_never_shown_as_the_goal() -> None:
    assert (
        share.Share("week99", 593, 1195, "new vs week97")
        .line()
        .endswith("= 49%  (goal: at least 50%)")
    )

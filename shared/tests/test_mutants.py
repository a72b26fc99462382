"""Mutants: the patch format, scoring a student's tests, and verify-week's checks of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import cli
from testkit.mutants import patch, score, verify

from . import minicourse

CLAMP_TEST = """\
from testkit import impl_module


def test_clamp_caps_at_high() -> None:
    assert impl_module("week99", "calc").clamp(11, 0, 10) == 10
"""
ADD_TEST = """\
from testkit import impl_module


def test_add() -> None:
    assert impl_module("week99", "calc").add(1, 1) == 2
"""


def test_parse_reads_the_header_and_git_diff_output() -> None:
    mutant = patch.parse("Category: bounds\nHint: look up\nTests: x.py\n\ndiff --git a/calc.py b/calc.py\n"
                         "index 1..2 100644\n" + minicourse.MUTANT.split("\n\n", 1)[1], "m1")  # fmt: skip
    assert (mutant.category, mutant.hint, mutant.header["tests"]) == ("bounds", "look up", "x.py")
    [diff] = mutant.files
    assert diff.path == "calc.py"
    assert diff.hunks[0].old[-2] == "    return max(low, min(value, high))"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Hint: h\n\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", "header lacks Category"),
        ("Category: c\nHint: h\n", "no diff found"),
        ("Category: c\nHint: h\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n", "fewer lines"),
    ],
)
def test_parse_refuses_malformed_mutants(text: str, error: str) -> None:
    with pytest.raises(patch.MutantError, match=error):
        patch.parse(text, "bad")


def test_apply_finds_moved_context_and_refuses_changed_code(tmp_path: Path) -> None:
    mutant = patch.parse(minicourse.MUTANT, "m")
    (tmp_path / "calc.py").write_text("import os\n\n\n" + minicourse.CALC)  # 3 lines further down
    patch.apply(mutant, tmp_path)
    assert "    return max(low, value)\n" in (tmp_path / "calc.py").read_text()
    with pytest.raises(patch.MutantError, match=r"hunk 1 of calc\.py does not apply"):
        patch.apply(mutant, tmp_path)  # already applied: the old lines are gone
    escape = patch.parse(
        "Category: c\nHint: h\n--- a/../x.py\n+++ b/../x.py\n@@ -1 +1 @@\n-a\n+b\n", "e"
    )
    with pytest.raises(patch.MutantError, match="outside the solution package"):
        patch.apply(escape, tmp_path)


def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **student: str) -> Path:
    files = {"week99/mutants/clamp-no-high.patch": minicourse.MUTANT,
             "week99/tests/student/test_example.py": ADD_TEST}  # fmt: skip
    files |= {f"week99/tests/student/{name}.py": text for name, text in student.items()}
    return minicourse.make(tmp_path, monkeypatch, files)


def test_student_tests_that_catch_the_bug_score_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch, test_mine=CLAMP_TEST)
    result = score.score_student_tests(root, "week99")
    assert (result.tests, result.caught, result.planted) == (2, 1, 1)
    assert result.on_solution is None
    assert result.on_starter is not None
    assert "NotImplementedError" in result.on_starter
    assert result.coverage is not None
    text = score.render(result, "week99")
    assert "They caught 1 of 1 planted bugs." in text
    assert "Missed" not in text


def test_missed_bugs_get_their_categorys_hint_never_the_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    course(tmp_path, monkeypatch)
    assert cli.main(["mutants", "week99"]) == 1
    out = capsys.readouterr().out
    assert "They caught 0 of 1 planted bugs." in out
    assert "Missed (bounds): What comes back for a value above the upper bound?" in out
    assert "max(low, value)" not in out


def test_tests_that_fail_on_the_reference_score_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = CLAMP_TEST.replace("== 10", "== 11")  # "catches" every bug: proves nothing
    result = score.score_student_tests(course(tmp_path, monkeypatch, test_wrong=wrong), "week99")
    assert result.caught == 0
    assert result.on_solution is not None
    assert "test_clamp_caps_at_high" in result.on_solution
    assert "fail on the reference solution" in score.render(result, "week99")


def test_no_student_tests_score_zero_without_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch)
    (root / "week99" / "tests" / "student" / "test_example.py").unlink()
    result = score.score_student_tests(root, "week99")
    assert (result.tests, result.caught, result.planted) == (0, 0, 1)
    assert "no tests in week99/tests/student/ yet" in score.render(result, "week99")


def test_verify_proves_each_mutant_is_caught_by_the_reference_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch)
    assert verify.check(root, "week99") == (
        ["mutants: 1 of 1 killed by the reference project tests"], []
    )  # fmt: skip
    project = root / "week99" / "tests" / "project" / "test_calc.py"
    project.write_text(
        minicourse.PROJECT_TESTS.replace("(-1, 5, 11)", "(-1, 5)").replace(", 10]", "]")
    )
    (root / "week99" / "mutants" / "broken.patch").write_text(
        minicourse.MUTANT.replace("min(value, high)", "min(value, top)")
    )
    _, problems = verify.check(root, "week99")
    assert "clamp-no-high: the reference project tests do not catch this mutant" in problems
    assert any("broken: hunk 1 of calc.py does not apply" in p for p in problems)

"""Grading branches of a sample week in a temporary git repository (see testkit.grading.sample)."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from testkit import cli
from testkit.grading import grade, runner, sample
from testkit.grading.branch import BranchResult
from testkit.grading.worktree import safe_name

BRANCHES = ["alice/full", "bob/half", "carol/tamper", "dave/syntax", "erin/loop"]
pytestmark = pytest.mark.timeout(600)  # grading five branches on a loaded machine


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, BranchResult]]:
    """The five sample branches graded once, with the hidden tests: (repo, reports, results)."""
    CACHED.update(cached_trees())
    base = tmp_path_factory.mktemp("grading")
    repo, out = base / "repo", base / "out"
    sample.build(repo)
    hidden = sample.write_hidden(base / "hidden")
    options = grade.GradeOptions("week99", out_dir=out, hidden=hidden, test_timeout=1, jobs=2)
    lines: list[str] = []
    results = grade.grade(repo, BRANCHES, options, log=lines.append)
    assert [r.branch for r in results] == BRANCHES
    return repo, out, {r.branch: r for r in results}


CACHED: set[Path] = set()


def cached_trees() -> set[Path]:
    """Trees the old bytecode cache (PYTHONPYCACHEPREFIX) holds: one per graded worktree."""
    return set((runner.bytecode_cache() / "tmp").glob("testkit-grade-*"))


def folder(out: Path, branch: str) -> Path:
    return out / safe_name(branch)


def task_points(result: BranchResult) -> dict[int | None, float]:
    return {score.number: score.earned() for score in result.scores()}


def test_full_solution_gets_full_points_public_and_hidden(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    _, out, results = graded
    data = json.loads((folder(out, "alice/full") / "results.json").read_text())
    assert data["status"] == "pass"
    assert data["points"] == {
        "earned": 8, "possible": 8,
        "public": {"earned": 7, "possible": 7}, "hidden": {"earned": 1, "possible": 1},
    }  # fmt: skip
    assert data["tampering"] == {"flagged": False, "changes": []}
    assert data["review"] == {"flagged": False, "signals": []}
    assert data["sandbox"]["kind"] == "bubblewrap"
    assert data["sandbox"]["warning"] is None
    assert set(data["similarity"]) == {"bob/half", "carol/tamper", "dave/syntax", "erin/loop",
                                       grade.REFERENCE_NAME}  # fmt: skip
    assert data["api_contract"] == {"differences": [], "error": None}
    assert [t["hidden"] for t in data["tests"]] == [False, False, False, False, True]
    assert results["alice/full"].commit == git(graded[0], "rev-parse", "alice/full")
    report = (folder(out, "alice/full") / "report.md").read_text()
    assert "**Points: 8/8** (public tests 7/7, hidden tests 1/1)" in report
    assert "| 3 | Initials | 3/3 | 1/1 | 4/4 |" in report


def test_half_done_gets_partial_points_and_its_api_changes_listed(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    _, out, results = graded
    half = results["bob/half"]
    assert task_points(half) == {1: 2, 2: 0, 3: 0}
    assert half.status == "fail"
    assert half.reason is None
    assert half.api_differences is not None
    assert "POST /slugs request body: field 'slug' missing" in half.api_differences
    assert "POST /slugs 201 response: extra field 'name'" in half.api_differences
    report = (folder(out, "bob/half") / "report.md").read_text()
    assert "`test_word_count` (public, task 2, 2 pt): not implemented yet (TODO)" in report
    assert "- POST /slugs request body: field 'slug' missing" in report


def test_edited_tests_and_dependencies_are_flagged_and_official_tests_used(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    _, out, results = graded
    tampered = results["carol/tamper"]
    assert tampered.tamper == [
        "week99/tests/project/test_text.py: changed",
        "week99/pyproject.toml: dependencies changed (added 'requests')",
    ]
    # Her edited tests would pass everything; the official ones give the true score.
    assert task_points(tampered) == {1: 2, 2: 0, 3: 0}
    assert "**Tampering flagged:**" in (folder(out, "carol/tamper") / "report.md").read_text()


def test_syntax_error_scores_zero_with_a_readable_reason(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    _, out, results = graded
    broken = results["dave/syntax"]
    assert broken.reason == "the code does not import: SyntaxError: expected ':' (text.py, line 12)"
    assert broken.status == "error"
    assert broken.points() == (0, 8)
    assert {t.status for t in broken.tests} == {"error"}
    data = json.loads((folder(out, "dave/syntax") / "results.json").read_text())
    assert data["status"] == "error"
    assert data["message"] == broken.reason
    assert len(data["tests"]) == 5


def test_endless_loop_times_out_only_its_task(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    _, out, results = graded
    looping = results["erin/loop"]
    assert task_points(looping) == {1: 2, 2: 0, 3: 4}
    [failed] = [t for t in looping.tests if t.status != "pass"]
    assert failed.name.endswith("::test_word_count")
    assert "Timeout" in (failed.message or "")
    assert failed.timed_out
    assert looping.timed_out_tests == 1
    assert not looping.timed_out  # the run as a whole finished in time
    assert (
        "timed out after 1 s (an endless loop"
        in (folder(out, "erin/loop") / "report.md").read_text()
    )


def test_matrix_has_a_row_per_branch_and_flags_tampering(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    _, out, _ = graded
    with (out / "matrix.csv").open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert [r["branch"] for r in rows] == BRANCHES
    assert [(r["task 1"], r["task 2"], r["task 3"], r["total"]) for r in rows] == [
        ("2", "2", "4", "8"), ("2", "0", "0", "2"), ("2", "0", "0", "2"),
        ("0", "0", "0", "0"), ("2", "0", "4", "6"),
    ]  # fmt: skip
    assert [r["tampered"] for r in rows] == ["no", "no", "yes", "no", "no"]
    assert [r["timed out"] for r in rows] == ["0", "0", "0", "0", "1"]
    assert all(float(r["seconds"]) > 0 for r in rows)
    assert rows[0]["most similar"].endswith("%)")
    assert (rows[0]["public"], rows[0]["hidden"]) == ("7", "1")
    assert "SyntaxError" in rows[3]["note"]
    markdown = (out / "matrix.md").read_text()
    assert "| carol/tamper |" in markdown
    assert "**yes**" in markdown
    assert "## Similarity" in markdown
    with (out / "similarity.csv").open(newline="") as file:
        pairs = list(csv.DictReader(file))
    assert len(pairs) == 15  # 6 names (the reference solution too), every pair once
    assert {p["a"] for p in pairs} | {p["b"] for p in pairs} == {*BRANCHES, grade.REFERENCE_NAME}


def test_grading_leaves_the_graders_checkout_alone(
    graded: tuple[Path, Path, dict[str, BranchResult]],
) -> None:
    repo, _, _ = graded
    # No bytecode cache outlives the run (the old ~/.cache/course-testkit/pycache grew per tree).
    assert cached_trees() <= CACHED
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(repo, "branch", "--show-current") == "main"
    assert len(git(repo, "worktree", "list").splitlines()) == 1


def test_hang_at_import_times_out_and_a_missing_branch_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, out = tmp_path / "repo", tmp_path / "out"
    sample.build(repo, hang=True)
    monkeypatch.setenv("COURSE_ROOT", str(repo))
    code = cli.main([
        "grade", "week99", "--branch", "frank/hang", "--branches", "nobody/none",
        "--time-limit", "3", "--out", str(out),
    ])  # fmt: skip
    assert code == 0
    hang = json.loads((folder(out, "frank/hang") / "results.json").read_text())
    assert hang["timed_out"] is True
    assert hang["message"].startswith("timed out after 3 s")
    assert hang["points"]["earned"] == 0
    assert hang["points"]["possible"] == 7
    missing = json.loads((folder(out, "nobody/none") / "results.json").read_text())
    assert missing["message"] == "no branch or commit named 'nobody/none'"
    assert missing["commit"] is None
    printed = capsys.readouterr().out
    assert "frank/hang: 0/7" in printed
    assert "matrix:" in printed


def test_report_folders_are_unique_per_branch_name() -> None:
    assert safe_name("w1/collide") != safe_name("w1-collide")
    assert safe_name("w1/collide").startswith("w1-collide-")
    assert safe_name("../../etc").startswith("etc-")


def test_read_branches_from_arguments_and_a_file(tmp_path: Path) -> None:
    listing = tmp_path / "branches.txt"
    listing.write_text("# week 3\nalice/week03\n\ncarol/week03\n")
    assert grade.read_branches(["alice/week03 bob/week03"], listing) == [
        "alice/week03", "bob/week03", "carol/week03",
    ]  # fmt: skip


def test_grade_refuses_a_week_without_project_tests(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="week05 has no project tests"):
        grade.grade(tmp_path, ["a"], grade.GradeOptions("5"))


def test_grade_without_branches_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURSE_ROOT", str(tmp_path))
    assert cli.main(["grade", "3"]) == 2
    assert "name the branches" in capsys.readouterr().err

"""Student feedback: ``testkit check-week`` and ``testkit progress`` on the sample week."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit import cli
from testkit.grading import check, hints, progress, results, runner, sample


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """The sample course as a plain checkout (a student's, no git needed)."""
    sample.write_files(tmp_path, sample.BASE_FILES)
    return tmp_path


def test_check_week_prints_each_task_with_first_failure_hint_and_points(course: Path) -> None:
    code, text = check.check_week(course, "week99", test_timeout=5)
    assert code == 1
    assert "  Task 1  Slugs       failed   0/2" in text
    assert (
        "test_slugify_joins_words: not implemented yet (TODO: lower-case the words and join them with -)"
        in text
    )
    assert "(and 1 more failing test(s) in this task)" in text
    assert "Work in: week99/src/week99/starter/text.py:5 (slugify)" in text
    assert "Hint: Count the words that `str.split()` returns." in text
    assert "Points 0/7\n\nOnly one task, in seconds: make check-week week99 TASK=1" in text
    saved = json.loads((course / ".reports" / "week99-starter.json").read_text())
    assert saved["points"] == {"earned": 0.0, "possible": 7.0}


def test_check_week_with_the_work_done_passes(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample.write_files(course, {sample.STARTER: sample.SOLUTION_TEXT})
    monkeypatch.setenv("COURSE_ROOT", str(course))
    assert cli.main(["check-week", "week99", "--test-timeout", "5"]) == 0
    text = capsys.readouterr().out.strip()
    assert "  Task 3  Initials    passed   3/3" in text
    assert "Hint" not in text
    assert text.endswith("Points 7/7")


def test_check_week_of_one_task_runs_only_its_tests(course: Path) -> None:
    code, text = check.check_week(course, "week99", test_timeout=5, task=2)
    assert code == 1
    assert "(1 tests," in text
    assert "Task 2  Word count  failed   0/2" in text
    assert "Task 1" not in text
    assert not (course / ".reports" / "week99-starter.json").exists()  # progress reads whole checks
    assert (course / ".reports" / "week99-starter-task2.json").exists()
    assert check.check_week(course, "week99", test_timeout=5, task=9) == (
        2, "week99 has no tests marked as task 9."
    )  # fmt: skip


TIERED = """\
## Task 1: Slugs

### 1. Nudge
Strings have methods for case.

### 2. Approach
Lower-case, split, join.

### 3. Sketch
join("-", words of lower(title))
"""


def test_check_week_reveals_hint_tiers_one_level_at_a_time(course: Path) -> None:
    sample.write_files(course, {"week99/hints.md": TIERED})
    _, first = check.check_week(course, "week99", test_timeout=5, task=1)
    assert "Hint 1/3 (Nudge): Strings have methods for case." in first
    assert "Approach" not in first
    assert "More hints for 1 task(s): make check-week week99 HINT=2" in first
    _, second = check.check_week(course, "week99", test_timeout=5, task=1, hint_level=3)
    assert "Hint 2/3 (Approach): Lower-case, split, join." in second
    assert "Hint 3/3 (Sketch): join(" in second
    assert "More hints" not in second


def test_check_week_explains_code_that_does_not_import(course: Path) -> None:
    sample.write_files(course, {sample.STARTER: "def broken(:\n"})
    code, text = check.check_week(course, "week99", test_timeout=5)
    assert code == 1
    assert "Your code could not be tested: the code does not import: SyntaxError" in text
    assert "(text.py, line 1)" in text
    assert text.endswith("Points 0 (no test could run)")


def outcome(report: dict[str, object]) -> runner.RunOutcome:
    return runner.RunOutcome(report, 1, 0.5, timed_out=False, time_limit=300, output="")


def test_a_missing_service_is_never_the_students_failure() -> None:
    report: dict[str, object] = {
        "message": None,
        "tests": [
            {"name": "w/t.py::test_list", "status": "pass", "task": 1, "points": 2},
            {"name": "w/t.py::test_store", "status": "error", "task": 2, "points": 3,
             "service_unavailable": True,
             "message": "testkit.services.errors.ServiceUnavailable: No PostgreSQL server binaries found."},
        ],
    }  # fmt: skip
    tests = results.from_report(report)
    tasks = {2: hints.TaskInfo(2, "Store tasks", "Use the session.")}
    text = check.render("week06", results.by_task(tests, tasks), outcome(report), tasks)
    assert "  Task 2  Store tasks  not run  0/0" in text
    assert (
        "1 test(s) could not run: a service (PostgreSQL/Redis) did not start. Not your failure:"
        in text
    )
    assert "Hint" not in text  # nothing for the student to fix
    assert "Points 2/2" in text
    assert "3 more points are in tests that could not run" in text


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("NotImplementedError: TODO: store it", "not implemented yet (TODO: store it)"),
        ("Failed: Timeout (>30.0s) from pytest-timeout.", "timed out after 30 s (an endless loop or a blocking call?)"),
        (
            "AssertionError: assert 201 == 422\n +  where 201 = status\nE  a\nE  b",
            "AssertionError: assert 201 == 422\n+ where 201 = status\na\n...",
        ),
        (None, "failed without a message"),
    ],
)  # fmt: skip
def test_short_message_keeps_what_helps(message: str | None, expected: str) -> None:
    assert check.short_message(message) == expected


def test_check_week_without_project_tests(tmp_path: Path) -> None:
    assert check.check_week(tmp_path, "3") == (2, "week03 has no project tests in this checkout.")


def test_progress_reads_the_latest_checks(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample.write_files(course, {
        "week98/pyproject.toml": "[tool.course]\ntitle = 'Not started'\n",
        "week98/tests/project/__init__.py": "",
        ".reports/week99-starter.json": json.dumps({"message": None, "tests": [
            {"name": "a", "status": "pass", "task": 1, "points": 2},
            {"name": "b", "status": "fail", "task": 2, "points": 5},
        ]}),
    })  # fmt: skip
    monkeypatch.setenv("COURSE_ROOT", str(course))
    assert cli.main(["progress"]) == 0
    table = capsys.readouterr().out
    assert "| week98 | Not started | - | - | not checked yet |" in table
    assert "| week99 | Sample week | 2/7 | 1/2 |" in table
    assert "Total: 2/7 points in the weeks checked so far." in table


def test_progress_without_projects(tmp_path: Path) -> None:
    assert progress.table(tmp_path) == "No week with project tests in this checkout yet."

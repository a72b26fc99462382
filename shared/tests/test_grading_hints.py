"""Task titles and hints: hints.md first, the README's task headings next, "Task N" last."""

from __future__ import annotations

from pathlib import Path

from testkit.grading import hints


def test_hints_file_gives_titles_and_whole_sections(tmp_path: Path) -> None:
    (tmp_path / "hints.md").write_text(
        "# Hints\n\n## Task 1: Create the app\nUse `create_app()`.\nReturn it.\n\n"
        "## Task 2 - Create tasks\n\nStatus 201.\n\n# Appendix\nnot a hint\n"
    )
    tasks = hints.load(tmp_path)
    assert tasks == {
        1: hints.TaskInfo(1, "Create the app", "Use `create_app()`.\nReturn it."),
        2: hints.TaskInfo(2, "Create tasks", "Status 201."),
    }


def test_readme_task_headings_with_hint_lines(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        "# Week 3\n## Project\n### Task 1: List tasks\nGET /tasks returns 200.\n"
        "**Hint:** start from the router.\n### Task 2: Delete tasks\nDELETE returns 204.\n"
        "## Grading\nHint: not part of a task\n"
    )
    tasks = hints.load(tmp_path)
    assert tasks[1] == hints.TaskInfo(1, "List tasks", "start from the router.")
    assert tasks[2] == hints.TaskInfo(2, "Delete tasks", "")
    assert hints.title(tasks, 2) == "Delete tasks"


def test_without_hints_tasks_get_plain_names(tmp_path: Path) -> None:
    tasks = hints.load(tmp_path)
    assert tasks == {}
    assert hints.title(tasks, 4) == "Task 4"
    assert hints.title(tasks, None) == "Tests without a task"


def test_tiers_are_revealed_in_order_and_untiered_sections_are_tier_one(tmp_path: Path) -> None:
    (tmp_path / "hints.md").write_text(
        "## Task 1: Pages\nRead lecture 2 first.\n\n### 2. Approach\nAsk for one more row.\n\n"
        "### 1. Nudge\nKeyset pagination.\n\n### 3. Sketch\nrows = limit + 1\n\n"
        "## Task 2: Plain\nJust one hint.\n"
    )
    tasks = hints.load(tmp_path)
    assert [(t.number, t.name) for t in tasks[1].levels] == [
        (1, "Nudge"), (2, "Approach"), (3, "Sketch")
    ]  # fmt: skip
    assert tasks[1].hint == "Read lecture 2 first.\n\nKeyset pagination."
    assert [t.text for t in tasks[1].revealed(2)] == [tasks[1].hint, "Ask for one more row."]
    assert tasks[2].levels == (hints.Tier(1, "Hint", "Just one hint."),)
    assert tasks[2].revealed(3) == tasks[2].levels

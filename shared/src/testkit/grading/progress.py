"""``testkit progress``: the student's points per week, from the latest ``check-week`` reports.

Every ``testkit check-week N`` (and ``make test-week N IMPL=starter``) leaves
``.reports/<folder>-starter.json``; this reads them, so it is instant. ``--run`` checks every week
first.

    | Week | Title | Points | Tasks passed | Checked |
    | --- | --- | --- | --- | --- |
    | week03 | FastAPI core | 5/7 | 2/3 | 2026-03-02 14:10 |
    | week04 | Testing APIs, API design | - | - | not checked yet |
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from testkit import paths, report
from testkit.grading import hints, results


def title(root: Path, folder: str) -> str:
    return paths.course_info(root, folder).get("title", "")


def report_path(root: Path, folder: str) -> Path:
    return report.report_dir(root) / f"{folder}-starter.json"


def row(root: Path, folder: str) -> tuple[list[str], float, float]:
    """The table cells of one week, and its (earned, possible) points."""
    path = report_path(root, folder)
    try:
        data = report.load(path)
    except (OSError, json.JSONDecodeError):
        return [folder, title(root, folder), "-", "-", "not checked yet"], 0, 0
    tests = results.from_report(data)
    scores = results.by_task(tests, hints.load(root / folder))
    earned, possible = results.total(tests)
    checked = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    if data.get("message"):
        checked += " (did not import)"
    passed = sum(s.passed for s in scores)
    points = f"{results.fmt(earned)}/{results.fmt(possible)}"
    return (
        [folder, title(root, folder), points, f"{passed}/{len(scores)}", checked],
        earned,
        possible,
    )


def weeks_with_projects(root: Path) -> list[str]:
    return [f for f in paths.week_folders(root) if (root / f / "tests" / "project").is_dir()]


def table(root: Path) -> str:
    rows = [row(root, folder) for folder in weeks_with_projects(root)]
    if not rows:
        return "No week with project tests in this checkout yet."
    lines = [
        "| Week | Title | Points | Tasks passed | Checked |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += ["| " + " | ".join(cells) + " |" for cells, _, _ in rows]
    earned, possible = sum(r[1] for r in rows), sum(r[2] for r in rows)
    lines += [
        "",
        f"Total: {results.fmt(earned)}/{results.fmt(possible)} points in the weeks checked so far.",
    ]
    return "\n".join(lines)

"""``testkit progress``: the student's points per week, from the latest ``check-week`` reports.

Every ``testkit check-week N`` (and ``make test-week N IMPL=starter``) leaves
``.reports/<folder>-starter.json``; this reads them, so it is instant. ``--run`` checks every week
first. The DSA problems of a week count apart from its project (``make dsa N`` leaves
``<folder>-dsa-starter.json``): a column of their own here, and the whole track in ``testkit dsa``
(``dsa_table``).

    | Week | Title | Points | Tasks passed | Checked | DSA solved |
    | --- | --- | --- | --- | --- | --- |
    | week05 | SQL and PostgreSQL fundamentals | 5/7 | 2/3 | 2026-03-02 14:10 | 3/10 |
    | week06 | SQLAlchemy 2.0 and Alembic | - | - | not checked yet | -/10 |
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from testkit import paths, report
from testkit.grading import hints, results

TRACK_GOAL = 75  # DSA.11: solve at least 75 problems by week 16


def title(root: Path, folder: str) -> str:
    return paths.course_info(root, folder).get("title", "")


def report_path(root: Path, folder: str) -> Path:
    return report.report_dir(root) / f"{folder}-starter.json"


def _load(path: Path) -> dict[str, Any] | None:
    try:
        return report.load(path)
    except (OSError, json.JSONDecodeError):
        return None


def _checked(path: Path, data: dict[str, Any]) -> str:
    checked = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return checked + (" (did not import)" if data.get("message") else "")


def row(root: Path, folder: str) -> tuple[list[str], float, float]:
    """The table cells of one week, and its project's (earned, possible) points."""
    path = report_path(root, folder)
    dsa = dsa_state(root, folder)
    dsa_cell = dsa.cell() if dsa else "-"
    data = _load(path)
    if data is None:
        return [folder, title(root, folder), "-", "-", "not checked yet", dsa_cell], 0, 0
    # A full `make test-week N IMPL=starter` report holds the DSA tests too: they count apart.
    tests = [t for t in results.from_report(data) if not t.name.startswith(f"{folder}/tests/dsa/")]
    scores = results.by_task(tests, hints.load(root / folder))
    earned, possible = results.total(tests)
    passed = sum(s.passed for s in scores)
    points = f"{results.fmt(earned)}/{results.fmt(possible)}"
    return (
        [folder, title(root, folder), points, f"{passed}/{len(scores)}", _checked(path, data),
         dsa_cell],
        earned,
        possible,
    )  # fmt: skip


@dataclass(frozen=True)
class DsaState:
    """A week's DSA problems: how many, how many the latest ``make dsa N`` solved, and when."""

    problems: int
    solved: int | None  # None: not checked yet
    checked: str

    def cell(self) -> str:
        return f"{'-' if self.solved is None else self.solved}/{self.problems}"


def dsa_report_path(root: Path, folder: str) -> Path:
    return report.report_dir(root) / f"{folder}-dsa-starter.json"


def dsa_state(root: Path, folder: str) -> DsaState | None:
    """The week's DSA state, or None when it has no DSA problems."""
    if not (root / folder / "tests" / "dsa").is_dir():
        return None
    where = paths.dsa_dir(root, folder)
    problems = hints.load(where) if where else {}
    path = dsa_report_path(root, folder)
    data = _load(path)
    if data is None:
        return DsaState(len(problems), None, "not checked yet")
    scores = [s for s in results.by_task(results.from_report(data), problems) if s.number]
    solved = sum(s.passed for s in scores)
    return DsaState(max(len(problems), len(scores)), solved, _checked(path, data))


def weeks_with_dsa(root: Path) -> list[str]:
    return [f for f in paths.week_folders(root) if (root / f / "tests" / "dsa").is_dir()]


def dsa_table(root: Path) -> str:
    """The whole DSA track of this checkout: problems solved per week, and in all."""
    states = [(f, state) for f in weeks_with_dsa(root) if (state := dsa_state(root, f))]
    if not states:
        return "No week with DSA problems in this checkout yet."
    lines = ["| Week | Problems | Solved | Checked |", "| --- | --- | --- | --- |"]
    for folder, state in states:
        done = "-" if state.solved is None else str(state.solved)
        lines.append(f"| {folder} | {state.problems} | {done} | {state.checked} |")
    solved = sum(state.solved or 0 for _, state in states)
    total = sum(state.problems for _, state in states)
    lines += [
        "",
        f"Track: {solved} of {total} problems solved in this checkout "
        f"(the course's goal: at least {TRACK_GOAL} by week 16).",
    ]
    return "\n".join(lines)


def weeks_with_projects(root: Path) -> list[str]:
    return [f for f in paths.week_folders(root) if (root / f / "tests" / "project").is_dir()]


def table(root: Path) -> str:
    rows = [row(root, folder) for folder in weeks_with_projects(root)]
    if not rows:
        return "No week with project tests in this checkout yet."
    lines = [
        "| Week | Title | Points | Tasks passed | Checked | DSA solved |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += ["| " + " | ".join(cells) + " |" for cells, _, _ in rows]
    earned, possible = sum(r[1] for r in rows), sum(r[2] for r in rows)
    lines += [
        "",
        f"Total: {results.fmt(earned)}/{results.fmt(possible)} points in the weeks checked so far.",
    ]
    if weeks_with_dsa(root):
        lines.append("DSA problems count apart from the projects: `make dsa` shows the track.")
    return "\n".join(lines)

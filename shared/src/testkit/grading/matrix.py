"""The comparison matrix across branches: one row per branch, one column per task.

CSV (for a spreadsheet) and Markdown (for a pull request or an issue):

    branch,commit,task 1,task 2,task 3,public,hidden,total,possible,tampered,note
    alice/week03,3f2c1d0a9b8e,2,3,0,5,0,5,7,no,
    bob/week03,9a8b7c6d5e4f,0,0,0,0,0,0,7,yes,the code does not import: SyntaxError: ...
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from testkit.grading.branch import BranchResult
from testkit.grading.results import fmt


def task_numbers(rows: Sequence[BranchResult]) -> list[int | None]:
    numbers = {s.number for row in rows for s in row.scores()}
    return sorted(numbers, key=lambda n: (n is None, n or 0))


def table(rows: Sequence[BranchResult]) -> list[list[str]]:
    """Header and one row per branch, as strings."""
    numbers = task_numbers(rows)
    header = ["branch", "commit", *(f"task {n}" if n is not None else "other" for n in numbers)]
    header += ["public", "hidden", "total", "possible", "tampered", "note"]
    body = [header]
    for row in rows:
        earned = {s.number: s.earned() for s in row.scores()}
        total, possible = row.points()
        body.append([
            row.branch,
            (row.commit or "")[:12],
            *(fmt(earned.get(n, 0)) for n in numbers),
            fmt(row.points(hidden=False)[0]),
            fmt(row.points(hidden=True)[0]),
            fmt(total),
            fmt(possible),
            "yes" if row.tampered else "no",
            row.reason or "",
        ])  # fmt: skip
    return body


def to_csv(rows: Sequence[BranchResult]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table(rows))
    return buffer.getvalue()


def to_markdown(rows: Sequence[BranchResult]) -> str:
    header, *body = table(rows)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for cells in body:
        cells = [c.replace("|", "\\|").replace("\n", " ") for c in cells]
        cells[-2] = "**yes**" if cells[-2] == "yes" else cells[-2]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"

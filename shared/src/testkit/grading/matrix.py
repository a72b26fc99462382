"""The comparison matrix across branches: one row per branch, one column per task.

CSV (for a spreadsheet) and Markdown (for a pull request or an issue):

    branch,commit,task 1,task 2,public,hidden,own tests,total,possible,tampered,review,...,note
    alice/week03,3f2c1d0a9b8e,2,3,5,0,3,8,11,no,0,...,
    bob/week03,9a8b7c6d5e4f,0,0,0,0,0,0,11,yes,2,...,the code does not import: ...

(then ``timed out``, ``seconds`` and ``most similar``.)

``own tests`` are the points for the student's own tests (planted bugs caught; ``-`` for a week
without mutants); ``total`` and ``possible`` include them.

``similarity.csv`` holds the score of every pair (the reference solution included), and the
Markdown matrix shows them as a table under the main one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from testkit.grading.branch import BranchResult
from testkit.grading.results import fmt

Pairs = dict[tuple[str, str], float]


def task_numbers(rows: Sequence[BranchResult]) -> list[int | None]:
    numbers = {s.number for row in rows for s in row.scores()}
    return sorted(numbers, key=lambda n: (n is None, n or 0))


def most_similar(row: BranchResult) -> str:
    if not row.similarity:
        return ""
    other, score = max(row.similarity.items(), key=lambda item: item[1])
    return f"{other} ({score:.0%})"


def table(rows: Sequence[BranchResult]) -> list[list[str]]:
    """Header and one row per branch, as strings."""
    numbers = task_numbers(rows)
    header = ["branch", "commit", *(f"task {n}" if n is not None else "other" for n in numbers)]
    header += ["public", "hidden", "own tests", "total", "possible", "tampered", "review",
               "timed out", "seconds", "most similar", "note"]  # fmt: skip
    body = [header]
    for row in rows:
        earned = {s.number: s.earned() for s in row.scores()}
        total, possible = row.total_points()
        mine = fmt(row.student_points()[0]) if row.student_tests is not None else "-"
        body.append([
            row.branch,
            (row.commit or "")[:12],
            *(fmt(earned.get(n, 0)) for n in numbers),
            fmt(row.points(hidden=False)[0]),
            fmt(row.points(hidden=True)[0]),
            mine,
            fmt(total),
            fmt(possible),
            "yes" if row.tampered else "no",
            str(len(row.review)),
            str(row.timed_out_tests),
            f"{row.duration:.1f}",
            most_similar(row),
            "; ".join(filter(None, [row.reason, row.warning and "no sandbox"])),
        ])  # fmt: skip
    return body


def to_csv(rows: Sequence[BranchResult]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table(rows))
    return buffer.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def similarity_table(scores: Pairs) -> list[str]:
    """Every name against every other, scores in percent (Markdown)."""
    names = list(dict.fromkeys(name for pair in scores for name in pair))
    if len(names) < 2:
        return []
    lines = ["| | " + " | ".join(_cell(n) for n in names) + " |", "|" + " --- |" * (len(names) + 1)]
    for a in names:
        cells = [
            "-" if a == b else f"{scores.get((a, b), scores.get((b, a), 0)):.0%}" for b in names
        ]
        lines.append(f"| {_cell(a)} | " + " | ".join(cells) + " |")
    return lines


def to_markdown(rows: Sequence[BranchResult], scores: Pairs | None = None) -> str:
    header, *body = table(rows)
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    tampered, review = header.index("tampered"), header.index("review")
    for cells in body:
        cells = [_cell(c) for c in cells]
        for column, plain in ((tampered, "no"), (review, "0")):
            cells[column] = cells[column] if cells[column] == plain else f"**{cells[column]}**"
        lines.append("| " + " | ".join(cells) + " |")
    if similar := similarity_table(scores or {}):
        lines += ["", "## Similarity", "",
                  "Share of the smaller code's fingerprints (winnowing, names and strings "
                  "normalised, the given starter removed) found in the other:", "", *similar]  # fmt: skip
    return "\n".join(lines) + "\n"


def similarity_csv(scores: Pairs) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["a", "b", "similarity"])
    writer.writerows([a, b, f"{score:.2f}"] for (a, b), score in scores.items())
    return buffer.getvalue()

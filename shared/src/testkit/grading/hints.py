"""Task titles and hints of a week, for per-task feedback.

The week's ``hints.md`` (preferred) holds one section per task of the brief:

    ## Task 2: Create tasks
    Validate the body with the ``TaskCreate`` schema before you store anything; the
    status code of a created resource is 201.

Without ``hints.md``, the titles come from ``### Task N: Title`` headings (levels 2-4) in the
week's README, and a hint from a line starting with ``Hint:`` in that section. Without either,
tasks are called "Task N" and have no hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_HEADING = re.compile(
    r"^(?P<level>#{2,4})\s+Task\s+(?P<number>\d+)\s*[:.\-\u2013\u2014]\s*(?P<title>.+?)\s*$"
)
_ANY_HEADING = re.compile(r"^(?P<level>#{1,6})\s")
_HINT_LINE = re.compile(
    r"^\s*(?:[-*]\s*)?(?:\*\*)?Hint(?:\*\*)?\s*:(?:\*\*)?\s*(?P<hint>.+)$", re.I
)


@dataclass(frozen=True)
class TaskInfo:
    number: int
    title: str
    hint: str = ""


def parse(markdown: str, *, whole_section_is_hint: bool) -> dict[int, TaskInfo]:
    """Tasks from ``## Task N: Title`` headings; the hint is the section text or its Hint: line."""
    tasks: dict[int, TaskInfo] = {}
    current: tuple[int, str, int] | None = None  # number, title, heading level
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        number, title, _ = current
        if whole_section_is_hint:
            hint = "\n".join(body).strip()
        else:
            hints = [m["hint"].strip() for line in body if (m := _HINT_LINE.match(line))]
            hint = hints[0] if hints else ""
        tasks.setdefault(number, TaskInfo(number, title, hint))

    for line in markdown.splitlines():
        if match := _HEADING.match(line):
            close()
            current, body = (int(match["number"]), match["title"], len(match["level"])), []
        elif (other := _ANY_HEADING.match(line)) and current and len(other["level"]) <= current[2]:
            close()
            current, body = None, []
        elif current is not None:
            body.append(line)
    close()
    return tasks


def load(week_dir: Path) -> dict[int, TaskInfo]:
    """The tasks of the week in ``week_dir``: from ``hints.md``, else the README, else none."""
    hints = week_dir / "hints.md"
    if hints.is_file():
        return parse(hints.read_text(encoding="utf-8"), whole_section_is_hint=True)
    readme = week_dir / "README.md"
    if readme.is_file():
        return parse(readme.read_text(encoding="utf-8"), whole_section_is_hint=False)
    return {}


def title(tasks: dict[int, TaskInfo], number: int | None) -> str:
    if number is None:
        return "Tests without a task"
    info = tasks.get(number)
    return info.title if info else f"Task {number}"

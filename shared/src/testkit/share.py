"""How much of a week's new project code the student writes: ``testkit share [FOLDER...]``.

Share = code lines inside ``BEGIN/END SOLUTION`` markers / code lines the week's solution adds over
the previous week's solution (the nearest earlier week that also has an app, ``solution/main.py``);
a week without a previous app counts every solution line. Comments and blank lines are not counted;
``.py`` and ``.sql`` files are. The course's goal is at least half (``GOAL``).

``verify-week`` reports the share of every week and fails a week that opts in to the gate with
``[tool.course] share_gate = true`` when it is below the goal.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path

from testkit import paths

GOAL = 50
BEGIN = re.compile(r"^\s*(#|--) BEGIN SOLUTION")
END = re.compile(r"^\s*(#|--) END SOLUTION")
SOURCE = {".py", ".sql"}


@dataclass(frozen=True)
class Share:
    folder: str
    marked: int  # code lines the student writes
    new: int  # code lines the week's solution adds
    base: str  # what "new" is measured against

    @property
    def percent(self) -> float:
        return 100 * self.marked / self.new if self.new else 0.0

    def line(self) -> str:
        flag = "" if self.percent >= GOAL else f"  (goal: at least {GOAL}%)"
        return (
            f"{self.folder}: student writes {self.marked} of {self.new} lines ({self.base}) "
            f"= {math.floor(self.percent)}%{flag}"  # rounded down: 49.6% is not the goal of 50%
        )


def _is_marker(line: str) -> bool:
    return bool(BEGIN.match(line) or END.match(line))


def code_lines(path: Path) -> list[str]:
    """The lines of a source file that hold code (markers kept; comments and blanks dropped)."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = line.strip()
        if not stripped or (stripped.startswith(("#", "--")) and not _is_marker(line)):
            continue
        out.append(line.rstrip())
    return out


def solution(root: Path, folder: str) -> Path:
    return root / folder / "src" / folder / "solution"


def _files(package: Path) -> dict[str, list[str]]:
    return {
        str(p.relative_to(package)): code_lines(p)
        for p in sorted(package.rglob("*"))
        if p.is_file() and p.suffix in SOURCE
    }


def previous_app(root: Path, folder: str) -> str | None:
    """The app ``folder`` builds on, if it has one: ``[tool.course] builds_on`` where the weeks'
    applications differ (week 9 extends week 7's Task Manager, not week 8's integration service),
    else the nearest earlier week with an app."""
    if not (solution(root, folder) / "main.py").exists() or not folder.startswith("week"):
        return None
    if chosen := paths.course_info(root, folder).get("builds_on"):
        return chosen
    for number in range(int(folder[4:]) - 1, 0, -1):
        earlier = f"week{number:02d}"
        if (solution(root, earlier) / "main.py").exists():
            return earlier
    return None


def measure(root: Path, folder: str) -> Share:
    current = _files(solution(root, folder))
    before = previous_app(root, folder)
    previous = _files(solution(root, before)) if before else {}
    marked = new = 0
    for name, lines in current.items():
        inside = False
        plain = []
        for line in lines:
            if BEGIN.match(line) or END.match(line):
                inside = bool(BEGIN.match(line))
                continue
            plain.append(line)
            marked += inside
        old = [line for line in previous.get(name, []) if not _is_marker(line)]
        matcher = difflib.SequenceMatcher(a=old, b=plain, autojunk=False)
        new += len(plain) - sum(block.size for block in matcher.get_matching_blocks())
    return Share(folder, marked, new, f"new vs {before}" if before else "all solution lines")


def folders(root: Path, names: list[str] | None = None) -> list[str]:
    """The given course folders, or every one with a solution package."""
    chosen = [paths.week_folder(n) for n in names] if names else paths.week_folders(root)
    return [f for f in chosen if solution(root, f).is_dir()]


def gated(root: Path, folder: str) -> bool:
    """Whether the week opted in to failing verification below the goal."""
    return paths.course_info(root, folder).get("share_gate", "").lower() == "true"

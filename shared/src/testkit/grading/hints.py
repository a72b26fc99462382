"""Task titles and hints of a week, for per-task feedback.

The week's ``hints.md`` (preferred) holds one section per task of the brief, with hints in tiers
that ``check-week`` reveals one at a time (``HINT=2``, ``HINT=3``):

    ## Task 2: Create tasks

    ### 1. Nudge
    Which concept, which lecture.

    ### 2. Approach
    The steps in words.

    ### 3. Sketch
    Pseudo-code or a shape in words, never code to paste.

A section without ``### N. Name`` subsections is one tier (tier 1) as a whole; text before the
first tier heading belongs to tier 1.

A week's DSA problems have a ``hints.md`` of their own (``src/<package>/dsa/hints.md``) with
``## Problem N: Title`` sections, read the same way.

Without ``hints.md``, the titles come from ``### Task N: Title`` headings (levels 2-4) in the
week's README, and a hint from a line starting with ``Hint:`` in that section. Without either,
tasks are called "Task N" and have no hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_HEADING = re.compile(
    r"^(?P<level>#{2,4})\s+(?:Task|Problem)\s+(?P<number>\d+)\s*[:.\-\u2013\u2014]\s*(?P<title>.+?)\s*$"
)
_ANY_HEADING = re.compile(r"^(?P<level>#{1,6})\s")
_TIER = re.compile(r"^#{3,6}\s+(?P<number>[1-9])\s*[.):]\s*(?P<name>.*?)\s*$")
_HINT_LINE = re.compile(
    r"^\s*(?:[-*]\s*)?(?:\*\*)?Hint(?:\*\*)?\s*:(?:\*\*)?\s*(?P<hint>.+)$", re.I
)


@dataclass(frozen=True)
class Tier:
    number: int
    name: str  # "Nudge", "Approach", "Sketch"
    text: str


@dataclass(frozen=True)
class TaskInfo:
    number: int
    title: str
    hint: str = ""  # tier 1 (for a section without tiers: the whole section)
    tiers: tuple[Tier, ...] = ()  # empty for a section without tiers

    @property
    def levels(self) -> tuple[Tier, ...]:
        """Every tier of the hint, in order; a hint without tiers is one tier."""
        if self.tiers:
            return self.tiers
        return (Tier(1, "Hint", self.hint),) if self.hint else ()

    def revealed(self, level: int) -> tuple[Tier, ...]:
        """Tiers 1 to ``level``."""
        return tuple(t for t in self.levels if t.number <= level)


def split_tiers(text: str) -> tuple[str, tuple[Tier, ...]]:
    """(tier 1 text, tiers) of a hints.md section: ``### 1. Nudge`` subsections, or none."""
    intro: list[str] = []
    found: list[tuple[int, str, list[str]]] = []
    for line in text.splitlines():
        if match := _TIER.match(line):
            found.append((int(match["number"]), match["name"] or f"Tier {match['number']}", []))
        elif found:
            found[-1][2].append(line)
        else:
            intro.append(line)
    if not found:
        return text.strip(), ()
    tiers = sorted((Tier(n, name, "\n".join(body).strip()) for n, name, body in found),
                   key=lambda t: t.number)  # fmt: skip
    if lead := "\n".join(intro).strip():  # text before the first tier heading goes with tier 1
        first = tiers[0]
        tiers[0] = Tier(first.number, first.name, f"{lead}\n\n{first.text}".strip())
    return tiers[0].text, tuple(tiers)


def parse(markdown: str, *, whole_section_is_hint: bool) -> dict[int, TaskInfo]:
    """Tasks from ``## Task N: Title`` headings; the hint is the section text or its Hint: line."""
    tasks: dict[int, TaskInfo] = {}
    current: tuple[int, str, int] | None = None  # number, title, heading level
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        number, title, _ = current
        tiers: tuple[Tier, ...] = ()
        if whole_section_is_hint:
            hint, tiers = split_tiers("\n".join(body))
        else:
            hints = [m["hint"].strip() for line in body if (m := _HINT_LINE.match(line))]
            hint = hints[0] if hints else ""
        tasks.setdefault(number, TaskInfo(number, title, hint, tiers))

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

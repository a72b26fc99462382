"""Check that a course folder's README maps every syllabus topic ID to files that teach it.

The topic IDs come from ``docs/syllabus.md`` (the course's copy of the syllabus). A topic counts as
mapped when a Markdown table row of ``<folder>/README.md`` holds the ID in backticks and at least
one relative link in that row points to an existing file or folder.
"""

from __future__ import annotations

import re
from pathlib import Path

ID_LINE = re.compile(r"^\s*- `((?:W\d\d\.(?:L\d+\.\d+|P(?:\.\d+)?))|DSA\.\d+)` (.*)$")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def folder_of(topic: str) -> str:
    if topic.startswith("DSA"):
        return "deploy"
    week = int(topic[1:3])
    if week <= 12 or week > 16:
        return f"week{week:02d}"
    return "capstone" if week <= 14 else "deploy"


def topics(syllabus: Path) -> dict[str, list[tuple[str, str]]]:
    """``{folder: [(topic id, title), ...]}`` from the syllabus file."""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in syllabus.read_text(encoding="utf-8").splitlines():
        if m := ID_LINE.match(line):
            found.setdefault(folder_of(m[1]), []).append((m[1], m[2]))
    return found


def problems(root: Path, folder: str) -> tuple[int, list[str]]:
    """(number of topics of ``folder``, one line per topic missing from its README's syllabus map)."""
    wanted = topics(root / "docs" / "syllabus.md").get(folder, [])
    readme = root / folder / "README.md"
    if not readme.exists():
        return len(wanted), [
            f"{topic} not mapped: {folder}/README.md is missing" for topic, _ in wanted
        ]
    rows = [
        line
        for line in readme.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith("|")
    ]
    missing = []
    for topic, title in wanted:
        hits = [row for row in rows if f"`{topic}`" in row]
        links = [link for row in hits for link in LINK.findall(row) if "://" not in link]
        if not hits:
            missing.append(f"{topic} not mapped ({title})")
        elif not any((readme.parent / link).exists() for link in links):
            missing.append(f"{topic} has no link to an existing file")
    return len(wanted), missing

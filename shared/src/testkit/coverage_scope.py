"""What the coverage gate of ``testkit run-week N --cov`` (``make test-week N COV=1``) measures.

A week that sets ``[tool.course] builds_on = "weekNN"`` starts from a copy of that week's solution.
Its tests (rightly) leave the predecessor's corners to the predecessor's tests, so a file copied
unchanged would go unexercised here although it is measured, at the same gate, in its own week. The
gate therefore measures only the solution files that are new or differ from the predecessor's file
of the same name; the unchanged ones are left out with coverage's own ``omit`` setting.

"Unchanged" compares code lines as the share does (``testkit.share.code_lines``: comments and blank
lines dropped), with the solution markers dropped too (the predecessor marks what its students
wrote, the successor ships it plain) and the week's package name written as the predecessor's
(``week11.solution.db`` imports are ``week10.solution.db`` ones). Weeks without ``builds_on`` are
measured whole, as before.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from testkit import paths, share


@dataclass(frozen=True)
class Scope:
    """The solution files a week's gate leaves out, and the week they are measured in."""

    folder: str
    base: str | None  # the builds_on week, if any
    omitted: tuple[Path, ...]  # unchanged from the base's solution
    total: int  # the week's solution .py files

    def line(self) -> str:
        if not self.base:
            return f"coverage: {self.folder}: every solution file is measured"
        return (
            f"coverage: {self.folder} builds on {self.base}: {len(self.omitted)} of {self.total} "
            f"solution files are unchanged from {self.base}'s (measured in {self.base}) and left "
            f"out; the gate measures the {self.total - len(self.omitted)} new or changed ones"
        )


def comparable(path: Path, package: str, base: str) -> list[str]:
    """The code lines of ``path`` (in week ``package``) as they would read in week ``base``."""
    name = re.compile(rf"\b{re.escape(package)}\b")
    return [
        name.sub(base, line)
        for line in share.code_lines(path)
        if not (share.BEGIN.match(line) or share.END.match(line))
    ]


def scope(root: Path, folder: str) -> Scope:
    """Which of ``folder``'s solution files its coverage gate leaves out (see the module doc)."""
    current = share.solution(root, folder)
    files = sorted(p for p in current.rglob("*.py") if "__pycache__" not in p.parts)
    base = paths.course_info(root, folder).get("builds_on")
    if not base:
        return Scope(folder, None, (), len(files))
    previous = share.solution(root, base)
    omitted = []
    for path in files:
        old = previous / path.relative_to(current)
        if old.is_file() and comparable(path, folder, base) == comparable(old, base, base):
            omitted.append(path)
    return Scope(folder, base, tuple(omitted), len(files))


def write_config(root: Path, omit: tuple[Path, ...], target: Path) -> Path:
    """A coverage config at ``target``: the course's ``[tool.coverage]`` plus ``run.omit``.

    Passed to pytest-cov as ``--cov-config``, it replaces the root ``pyproject.toml`` as coverage's
    config, so everything there (branch, greenlet concurrency, exclusions) is copied over.
    """
    config = root / "pyproject.toml"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    tables: dict[str, dict[str, object]] = tomllib.loads(text).get("tool", {}).get("coverage", {})
    run = dict(tables.get("run", {}))
    before = run.get("omit", [])
    run["omit"] = [*(before if isinstance(before, list) else [before]), *map(str, omit)]
    lines = []
    for section, table in {**tables, "run": run}.items():
        lines.append(f"[tool.coverage.{section}]")
        # JSON's strings, numbers, booleans and arrays of them are valid TOML values too.
        lines += [f"{key} = {json.dumps(value)}" for key, value in table.items()]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target

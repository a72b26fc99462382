"""A mutant file: a small header and a unified diff against the week's solution package.

    Category: pagination
    Hint: Does a test ask for the page just after the last item?

    --- a/tasks/service.py
    +++ b/tasks/service.py
    @@ -40,7 +40,7 @@ class TaskService:
    ...

Header lines are ``Key: value`` (``Category`` and ``Hint`` are required, anything else is for the
instructor) up to the diff, which starts at the first ``diff --git`` or ``--- `` line. Paths are
relative to ``weekNN/src/weekNN/solution/``, with or without ``a/`` and ``b/``: ``git diff
--relative=week03/src/week03/solution`` writes exactly that. A hunk applies where its context
matches exactly, at the line it names or the nearest place above or below (code added elsewhere
in the file does not break a mutant); anything else is an error naming the file and hunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED = ("category", "hint")
_HEADER = re.compile(r"^(?P<key>[A-Za-z][\w -]*):\s*(?P<value>.*)$")
_HUNK = re.compile(r"^@@ -(?P<old>\d+)(?:,(?P<olen>\d+))? \+\d+(?:,(?P<nlen>\d+))? @@")
_GIT_NOISE = (
    "diff --git ", "index ", "new file mode", "deleted file mode", "similarity ", "old mode",
    "new mode",
)  # fmt: skip


class MutantError(ValueError):
    """A mutant file is malformed or does not apply; the message names the file and the place."""


@dataclass
class Hunk:
    start: int  # 1-based line of the old text, as the diff says
    old: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    old_size: int = 0  # the line counts the @@ line announces
    new_size: int = 0

    @property
    def complete(self) -> bool:
        return len(self.old) >= self.old_size and len(self.new) >= self.new_size


@dataclass
class FileDiff:
    path: str  # relative to the solution package
    hunks: list[Hunk] = field(default_factory=list)
    created: bool = False
    deleted: bool = False


@dataclass
class Mutant:
    name: str  # the file name without .patch
    category: str
    hint: str
    header: dict[str, str]
    files: list[FileDiff]


def _strip_prefix(path: str) -> str:
    path = path.split("\t")[0].strip()
    return path[2:] if path.startswith(("a/", "b/")) else path


def parse(text: str, name: str) -> Mutant:
    """Read a mutant file's text (``name`` is used in errors and results)."""
    lines = text.splitlines()
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].startswith(("--- ", "diff --git ")):
        if match := _HEADER.match(lines[index]):
            header[match["key"].strip().lower()] = match["value"].strip()
        index += 1
    missing = [key.capitalize() for key in REQUIRED if not header.get(key)]
    if missing:
        raise MutantError(f"{name}: header lacks {', '.join(missing)} (see shared/README.md)")
    files: list[FileDiff] = []
    hunk: Hunk | None = None
    for number, line in enumerate(lines[index:], start=index + 1):
        if line.startswith("\\"):  # "\ No newline at end of file"
            continue
        if hunk is not None and not hunk.complete:
            if line[:1] not in (" ", "-", "+", ""):
                raise MutantError(f"{name}:{number}: hunk line must start with ' ', '-' or '+'")
            if line[:1] != "+":
                hunk.old.append(line[1:])
            if line[:1] != "-":
                hunk.new.append(line[1:])
        elif line.startswith(_GIT_NOISE):
            continue
        elif line.startswith("--- "):
            old = line[4:]
            files.append(FileDiff(_strip_prefix(old), created=old.startswith("/dev/null")))
            hunk = None
        elif line.startswith("+++ ") and files and not files[-1].hunks:
            new = line[4:]
            if files[-1].created:
                files[-1].path = _strip_prefix(new)
            files[-1].deleted = new.startswith("/dev/null")
        elif match := _HUNK.match(line):
            if not files:
                raise MutantError(f"{name}:{number}: a hunk before any '--- file' line")
            sizes = (int(match[key]) if match[key] is not None else 1 for key in ("olen", "nlen"))
            hunk = Hunk(int(match["old"]), [], [], *sizes)
            files[-1].hunks.append(hunk)
        elif line.strip():
            raise MutantError(f"{name}:{number}: not part of a unified diff: {line[:60]!r}")
    if any(not h.complete for f in files for h in f.hunks):
        raise MutantError(f"{name}: a hunk has fewer lines than its @@ line says")
    if not files or not any(f.hunks or f.deleted for f in files):
        raise MutantError(f"{name}: no diff found after the header")
    return Mutant(name, header["category"], header["hint"], header, files)


def load(path: Path) -> Mutant:
    return parse(path.read_text(encoding="utf-8"), path.stem)


def find(folders: list[Path]) -> list[Path]:
    """Every ``*.patch`` in the folders (the week's ``mutants/``, hidden ones), by name."""
    return sorted((p for folder in folders if folder.is_dir() for p in folder.glob("*.patch")),
                  key=lambda p: (p.name, str(p)))  # fmt: skip


def _place(lines: list[str], hunk: Hunk) -> int | None:
    """Where the hunk's old text is: the stated line if it matches there, else the nearest match."""
    size = len(hunk.old)
    wanted = max(hunk.start - 1, 0) if size else hunk.start
    for distance in range(len(lines) + 1):
        for at in (wanted - distance, wanted + distance):
            if 0 <= at <= len(lines) - size and lines[at : at + size] == hunk.old:
                return at
    return None


def changed_lines(mutant: Mutant, package: Path) -> dict[str, list[int]]:
    """Where the mutant changes the unmodified solution in ``package``: file -> 0-based lines.

    One line per hunk: its first changed line (where a removed or added line starts). Files the
    mutant creates or deletes, and hunks that do not apply, are left out.
    """
    found: dict[str, list[int]] = {}
    for diff in mutant.files:
        target = package / diff.path
        if diff.created or diff.deleted or not target.is_file():
            continue
        lines = target.read_text(encoding="utf-8").splitlines()
        for hunk in diff.hunks:
            at = _place(lines, hunk)
            if at is not None:
                same = 0
                while same < min(len(hunk.old), len(hunk.new)) and hunk.old[same] == hunk.new[same]:
                    same += 1
                found.setdefault(diff.path, []).append(at + same)
    return found


def apply(mutant: Mutant, package: Path) -> None:
    """Apply the mutant to the files of a solution package folder (a temporary copy)."""
    for diff in mutant.files:
        target = package / diff.path
        if not target.resolve().is_relative_to(package.resolve()):
            raise MutantError(f"{mutant.name}: {diff.path} is outside the solution package")
        if diff.deleted:
            target.unlink()
            continue
        if not diff.created and not target.is_file():
            raise MutantError(f"{mutant.name}: {diff.path} is not a file of the solution")
        text = "" if diff.created else target.read_text(encoding="utf-8")
        lines = text.splitlines()
        offset = 0
        for number, hunk in enumerate(diff.hunks, start=1):
            shifted = Hunk(hunk.start + offset, hunk.old, hunk.new, hunk.old_size, hunk.new_size)
            at = _place(lines, shifted)
            if at is None:
                raise MutantError(
                    f"{mutant.name}: hunk {number} of {diff.path} does not apply (its context "
                    f"near line {hunk.start} is not in the solution any more)"
                )
            lines[at : at + len(hunk.old)] = hunk.new
            offset += len(hunk.new) - len(hunk.old)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")

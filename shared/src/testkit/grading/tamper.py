"""Tamper check: did a branch change what the grader relies on?

Compared by content hash (SHA-256) against the grader's checkout:
- the week's tests (``<folder>/tests/``) and the testkit (``shared/``), file by file, except the
  student's own tests (``<folder>/tests/student/``: theirs to change; the cheat signals read them);
- the dependencies in the week's ``pyproject.toml`` (``[project]`` dependencies and optional
  dependencies, ``[dependency-groups]``, ``[tool.uv.sources]``), as one normalised document.

The grader replaces the tests anyway; the check says who tried, so a person can look. Files the
branch adds that Python or pytest would load by themselves are cheat signals (``signals``).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

from testkit.grading.worktree import GitError, git


def tracked_files(repo: Path, folder: str) -> list[str]:
    """Files git would commit under ``folder``: tracked and untracked-but-not-ignored."""
    try:
        listing = git(repo, "ls-files", "--cached", "--others", "--exclude-standard", "--", folder)
    except GitError:
        return [str(p.relative_to(repo)) for p in (repo / folder).rglob("*") if p.is_file()]
    return [line for line in listing.splitlines() if (repo / line).is_file()]


def digests(repo: Path, folder: str) -> dict[str, str]:
    """Relative path -> SHA-256 of every file of ``folder``."""
    return {
        name: hashlib.sha256((repo / name).read_bytes()).hexdigest()
        for name in tracked_files(repo, folder)
    }


def compare(official: dict[str, str], branch: dict[str, str]) -> list[str]:
    lines = [
        f"{name}: changed"
        for name in sorted(official.keys() & branch.keys())
        if official[name] != branch[name]
    ]
    lines += [f"{name}: deleted" for name in sorted(official.keys() - branch.keys())]
    lines += [f"{name}: added" for name in sorted(branch.keys() - official.keys())]
    return lines


def dependencies(pyproject: Path) -> dict[str, Any]:
    """The dependency declarations of a pyproject, normalised (order of lists does not matter)."""
    if not pyproject.is_file():
        return {}
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return {"invalid": str(exc)}
    project = data.get("project", {})
    found = {
        "dependencies": sorted(project.get("dependencies", [])),
        "optional-dependencies": {
            k: sorted(v) for k, v in project.get("optional-dependencies", {}).items()
        },
        "dependency-groups": data.get("dependency-groups", {}),
        "uv-sources": data.get("tool", {}).get("uv", {}).get("sources", {}),
    }
    return json.loads(json.dumps(found, sort_keys=True, default=str))  # type: ignore[no-any-return]


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def dependency_changes(official: Path, branch: Path, label: str) -> list[str]:
    before, after = dependencies(official), dependencies(branch)
    if _digest(before) == _digest(after):
        return []
    old, new = set(before.get("dependencies", [])), set(after.get("dependencies", []))
    details = [f"added {d!r}" for d in sorted(new - old)] + [
        f"removed {d!r}" for d in sorted(old - new)
    ]
    return [f"{label}: dependencies changed ({', '.join(details) or 'groups, extras or sources'})"]


def official_tests(repo: Path, folder: str) -> dict[str, str]:
    """``digests`` of the week's tests, the student's own (``tests/student/``) aside."""
    student = f"{folder}/tests/student/"
    found = digests(repo, f"{folder}/tests")
    return {name: digest for name, digest in found.items() if not name.startswith(student)}


def check(official_root: Path, tree: Path, folder: str) -> list[str]:
    """What the branch in ``tree`` changed of the grader's tests, testkit and dependencies."""
    changes = compare(official_tests(official_root, folder), official_tests(tree, folder))
    changes += compare(digests(official_root, "shared"), digests(tree, "shared"))
    pyproject = f"{folder}/pyproject.toml"
    return changes + dependency_changes(official_root / pyproject, tree / pyproject, pyproject)

"""Temporary git worktrees of students' branches, with the grader's official files put in place.

``git worktree add`` writes only below ``.git/worktrees/``: the grader's working tree, index and
current branch stay as they are.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Adding/removing worktrees updates shared files in .git: one at a time.
_GIT_LOCK = threading.Lock()
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".reports")


class GitError(RuntimeError):
    """A git command failed; the message is git's own."""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - fixed command, arguments are ours
        ["git", *args],  # noqa: S607 - git from PATH, like every developer tool
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout.strip()


def resolve(repo: Path, branch: str) -> str:
    """The commit id of ``branch``; ``GitError`` if there is no such branch or commit."""
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}")
    except GitError:
        raise GitError(f"no branch or commit named {branch!r}") from None


def safe_name(branch: str) -> str:
    """A folder name for a branch: ``alice/week03`` -> ``alice-week03``."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", branch).strip("-.") or "branch"


@contextmanager
def checkout(repo: Path, commit: str, parent: Path) -> Iterator[Path]:
    """A detached worktree of ``commit`` in a new folder under ``parent``; removed afterwards."""
    parent.mkdir(parents=True, exist_ok=True)
    path = parent / f"wt-{commit[:12]}-{threading.get_ident()}"
    with _GIT_LOCK:
        git(repo, "worktree", "add", "--detach", "--quiet", str(path), commit)
    try:
        yield path
    finally:
        with _GIT_LOCK:
            try:
                git(repo, "worktree", "remove", "--force", str(path))
            except GitError:
                shutil.rmtree(path, ignore_errors=True)
                git(repo, "worktree", "prune")


def replace_tree(source: Path, target: Path) -> None:
    """Make ``target`` an exact copy of ``source`` (a folder)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=IGNORED)


def put_official_files(official_root: Path, tree: Path, folder: str, hidden: Path | None) -> None:
    """Overwrite the branch's tests and pytest configuration with the grader's.

    The week's ``tests/`` folder and the root ``pyproject.toml`` (pytest options) come from the
    grader's checkout; hidden tests, when given, go to ``<folder>/tests/hidden``.
    """
    replace_tree(official_root / folder / "tests", tree / folder / "tests")
    shutil.copy2(official_root / "pyproject.toml", tree / "pyproject.toml")
    if hidden is not None:
        add_hidden(hidden, tree / folder / "tests" / "hidden")


def add_hidden(hidden: Path, target: Path) -> None:
    """Copy the hidden tests (a folder or one file) to ``target``, a package of its own."""
    if hidden.is_dir():
        replace_tree(hidden, target)
    else:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(hidden, target / hidden.name)
    (target / "__init__.py").touch()  # module names repeat across folders


def copy_reference(official_root: Path, folder: str, parent: Path, hidden: Path | None) -> Path:
    """A private copy of the grader's week (and pytest config) to run the reference solution in."""
    tree = parent / "reference"
    replace_tree(official_root / folder, tree / folder)
    shutil.copy2(official_root / "pyproject.toml", tree / "pyproject.toml")
    if hidden is not None:
        add_hidden(hidden, tree / folder / "tests" / "hidden")
    return tree

"""Temporary git worktrees of students' branches, with the grader's official files put in place.

``git worktree add`` writes only below ``.git/worktrees/``: the grader's working tree, index and
current branch stay as they are.
"""

from __future__ import annotations

import hashlib
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
    """A folder name for a branch, unique per name: ``alice/week03`` -> ``alice-week03-5d1c2e9a``.

    The readable part alone would make ``w1/collide`` and ``w1-collide`` one folder; the end is
    the start of the SHA-256 of the exact name.
    """
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", branch).strip("-.")[:80] or "branch"
    return f"{readable}-{hashlib.sha256(branch.encode()).hexdigest()[:8]}"


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


def alias_solution(tree: Path, folder: str) -> None:
    """Make ``<folder>.solution`` the branch's own ``starter`` in the graded tree.

    Nothing the student runs may reach the reference: a starter that re-exports
    ``<folder>.solution`` then imports itself, and given code such as ``migrations/env.py`` that
    names the solution gets the student's models.
    """
    package = tree / folder / "src" / folder
    solution = package / "solution"
    if solution.is_symlink() or solution.is_file():
        solution.unlink()
    elif solution.exists():
        shutil.rmtree(solution)
    if package.is_dir():
        solution.symlink_to("starter", target_is_directory=True)


def prepare(
    official_root: Path, tree: Path, folder: str, hidden: Path | None, remove: list[Path]
) -> None:
    """Make the branch's tree ready to grade: the official tests and pytest configuration, the
    solution aliased to the starter, and ``remove`` (modules that would shadow installed ones)
    deleted."""
    put_official_files(official_root, tree, folder, hidden)
    alias_solution(tree, folder)
    for path in remove:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def add_hidden(hidden: Path, target: Path) -> None:
    """Copy the hidden tests (a folder or one file) to ``target``, a package of its own.

    A hidden folder's ``mutants/`` (hidden planted bugs, see ``student_tests``) stays out: no
    student's run may read them.
    """
    if hidden.is_dir():
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(
            hidden, target, ignore=lambda folder, names: [
                *IGNORED(folder, names), *(["mutants"] if Path(folder) == hidden else [])
            ],
        )  # fmt: skip
    else:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(hidden, target / hidden.name)
    (target / "__init__.py").touch()  # module names repeat across folders


def keep_student_tests(tree: Path, folder: str, target: Path) -> Path:
    """Copy the branch's ``<folder>/tests/student`` to ``target`` (before ``prepare`` replaces it).

    Symbolic links are copied as links, never followed: a link to the grader's files must not
    bring their content along.
    """
    source = tree / folder / "tests" / "student"
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True, ignore=IGNORED)
    else:
        target.mkdir(parents=True)
    return target


def copy_reference(official_root: Path, folder: str, parent: Path, hidden: Path | None) -> Path:
    """A private copy of the grader's week (and pytest config) to run the reference solution in."""
    tree = parent / "reference"
    replace_tree(official_root / folder, tree / folder)
    shutil.copy2(official_root / "pyproject.toml", tree / "pyproject.toml")
    if hidden is not None:
        add_hidden(hidden, tree / folder / "tests" / "hidden")
    return tree

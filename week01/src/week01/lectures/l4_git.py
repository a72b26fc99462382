"""Lecture 4: git fundamentals, commits, branches, merge vs rebase, on a throwaway repository.

A commit is a snapshot plus a pointer to its parent(s); a branch is a movable name for a commit.
When ``main`` and ``feature`` have diverged there are two ways to combine them:

- ``git merge --no-ff feature``: a new MERGE commit with two parents; history shows the branch.
- ``git rebase main`` (on feature), then a fast-forward: feature's commits are REPLAYED on top of
  main as new commits (new hashes); history is a straight line. Never rebase commits others
  already pulled: their copies keep the old hashes.

Both end with the same files; only the shape of the history differs. This module scripts both in
temporary folders with their own git config; it never touches the course's repository.

Run: uv run python -m week01.lectures.l4_git
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    subject: str


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` isolated from the user's global config and any outer repository."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    # S603/S607: a fixed program name, arguments from this module only
    result = subprocess.run(  # noqa: S603
        ["git", *args],  # noqa: S607
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def commit_file(repo: Path, name: str, content: str, message: str) -> str:
    (repo / name).write_text(content, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def diverged_repo(repo: Path) -> dict[str, str]:
    """Build main + feature branches that diverged; return {subject: sha} of every commit."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    # Local config only, so the script works on any machine (and never signs with your key).
    git(repo, "config", "user.name", "Course Bot")
    git(repo, "config", "user.email", "bot@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    shas = {"feat: add app": commit_file(repo, "app.py", "app = 'tasks'\n", "feat: add app")}
    git(repo, "switch", "-q", "-c", "feature")
    shas["feat(api): add health check"] = commit_file(
        repo, "health.py", "def health() -> str:\n    return 'ok'\n", "feat(api): add health check"
    )
    shas["test(api): cover health check"] = commit_file(
        repo, "test_health.py", "assert True\n", "test(api): cover health check"
    )
    git(repo, "switch", "-q", "main")
    shas["docs: add readme"] = commit_file(repo, "README.md", "# Tasks\n", "docs: add readme")
    return shas


def merge_feature(repo: Path) -> None:
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "feature", "-m", "Merge branch 'feature'")


def rebase_feature(repo: Path) -> None:
    git(repo, "switch", "-q", "feature")
    git(repo, "rebase", "-q", "main")  # replay feature's commits on top of main
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "feature")  # main just moves forward: no merge commit


def history(repo: Path) -> list[Commit]:
    """Commits reachable from HEAD, newest first."""
    lines = git(repo, "log", "--format=%H|%P|%s").splitlines()
    commits = []
    for line in lines:
        sha, parents, subject = line.split("|", 2)
        commits.append(Commit(sha, tuple(parents.split()), subject))
    return commits


def tree(repo: Path) -> str:
    """The hash of HEAD's file snapshot: equal trees mean identical files."""
    return git(repo, "rev-parse", "HEAD^{tree}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        merged, rebased = Path(tmp) / "merge", Path(tmp) / "rebase"
        diverged_repo(merged)
        merge_feature(merged)
        diverged_repo(rebased)
        rebase_feature(rebased)
        for title, repo in (("merge --no-ff", merged), ("rebase + fast-forward", rebased)):
            print(f"$ git log --graph --oneline   # after {title}")
            print(git(repo, "log", "--graph", "--format=%h %s"))
            print()
        print("same files in both:", tree(merged) == tree(rebased))


if __name__ == "__main__":
    main()

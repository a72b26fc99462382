"""Lecture 1: binary search debugging. Halve the suspects until one is left.

"It worked last week" means a good and a bad version with N commits between them. Checking each
commit takes N steps; halving takes about log2(N): 7 checks for 100 commits, 10 for 1,000.
``git bisect`` does the halving for you, and ``git bisect run CMD`` even runs the check: exit code
0 means good, 1-127 (except 125, "cannot test, skip") means bad.

The same idea works without git: halve the input (which of 10,000 log lines breaks the parser?),
halve the code (comment out half), halve the config. ``first_bad`` below is the algorithm.

Run: ``uv run python -m week02.lectures.l1_bisect`` (builds a throwaway repository in a temp dir)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

GOOD_CODE = "def vat(net):\n    return round(net * 1.2, 2)\n"
BAD_CODE = "def vat(net):\n    return round(net * 1.02, 2)\n"  # the regression we hunt
CHECK = "from pricing import vat\nraise SystemExit(0 if vat(100) == 120 else 1)\n"


def first_bad(items: Sequence[object], is_bad: Callable[[object], bool]) -> int:
    """Index of the first bad item, given ``items[0]`` is good and ``items[-1]`` is bad.

    Every item after the first bad one must be bad too (that is what a regression is).
    """
    good, bad = 0, len(items) - 1
    while bad - good > 1:
        middle = (good + bad) // 2
        if is_bad(items[middle]):
            bad = middle
        else:
            good = middle
    return bad


def _isolated_env() -> dict[str, str]:
    """The environment minus GIT_* variables (a hook may set GIT_DIR to the real repository)
    and without the user's git config (hooks, signing): the throwaway repo stays throwaway."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return env | {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    """Run git inside ``repo`` only, never in the course repository."""
    done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        ["git", "-C", str(repo), *args],  # noqa: S607 - git from PATH is what the lesson uses
        capture_output=True,
        text=True,
        check=True,
        env=_isolated_env(),
    )
    return done.stdout


def build_history(repo: Path, commits: int, bad_from: int) -> list[str]:
    """A new repository with ``commits`` commits; commit number ``bad_from`` (1-based) breaks
    ``vat()``. Returns the commit hashes, oldest first."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "config", "user.name", "Course Example")
    git(repo, "config", "user.email", "example@course.invalid")
    git(repo, "config", "commit.gpgsign", "false")
    (repo / "check_vat.py").write_text(CHECK, encoding="utf-8")
    hashes = []
    for number in range(1, commits + 1):
        code = BAD_CODE if number >= bad_from else GOOD_CODE
        (repo / "pricing.py").write_text(code, encoding="utf-8")
        (repo / "CHANGELOG").write_text(f"change {number}\n", encoding="utf-8")
        git(repo, "add", "--all")
        git(repo, "commit", "--quiet", "--message", f"change {number}")
        hashes.append(git(repo, "rev-parse", "HEAD").strip())
    return hashes


def bisect(repo: Path, good: str, bad: str) -> tuple[str, str]:
    """Let ``git bisect run`` find the first bad commit; return (its hash, git's log)."""
    git(repo, "bisect", "start", bad, good)
    try:
        log = git(repo, "bisect", "run", sys.executable, "-S", "check_vat.py")
    finally:
        git(repo, "bisect", "reset")
    found = re.search(r"^([0-9a-f]{40}) is the first bad commit", log, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"git bisect found no first bad commit:\n{log}")
    return found[1], log


def main() -> None:
    suspects = list(range(1000))
    checked: list[object] = []

    def is_bad(item: object) -> bool:
        checked.append(item)
        return isinstance(item, int) and item >= 613

    print(f"first bad of 1000 items: {first_bad(suspects, is_bad)} after {len(checked)} checks")
    with tempfile.TemporaryDirectory() as tmp:
        hashes = build_history(Path(tmp) / "shop", commits=20, bad_from=13)
        found, log = bisect(Path(tmp) / "shop", good=hashes[0], bad=hashes[-1])
        print(log)
        print(f"git bisect found commit {hashes.index(found) + 1} of {len(hashes)}: {found[:10]}")


if __name__ == "__main__":
    main()

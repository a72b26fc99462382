"""Binary search debugging: halving finds the first bad item, and git bisect the bad commit."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from week02.lectures import l1_bisect as lecture


@pytest.mark.parametrize("first", [1, 2, 500, 999])
def test_first_bad_needs_about_log2_n_checks(first: int) -> None:
    checked: list[object] = []

    def is_bad(item: object) -> bool:
        checked.append(item)
        return isinstance(item, int) and item >= first

    assert lecture.first_bad(list(range(1000)), is_bad) == first
    assert len(checked) <= math.ceil(math.log2(1000))


@pytest.mark.parametrize(("commits", "bad_from"), [(9, 2), (16, 11)])
def test_git_bisect_run_finds_the_commit_that_broke_vat(
    tmp_path: Path, commits: int, bad_from: int
) -> None:
    repo = tmp_path / "shop"
    hashes = lecture.build_history(repo, commits, bad_from)

    found, log = lecture.bisect(repo, good=hashes[0], bad=hashes[-1])

    assert found == hashes[bad_from - 1]
    assert "is the first bad commit" in log
    assert lecture.git(repo, "rev-parse", "HEAD").strip() == hashes[-1]  # bisect was reset
    assert lecture.git(repo, "config", "user.email").strip() == "example@course.invalid"

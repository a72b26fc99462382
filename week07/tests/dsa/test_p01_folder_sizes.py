"""Problem 1: folder sizes (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week07.dsa", "p01_folder_sizes")
pytestmark = pytest.mark.task(1)


def oracle(files: dict[str, int]) -> dict[str, int]:
    """For every folder, add up the files whose path starts with it: quadratic."""
    folders = {"/"}
    for path in files:
        parts = path.strip("/").split("/")[:-1]
        folders |= {"/" + "/".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return {
        folder: sum(s for p, s in files.items() if p.startswith(folder.rstrip("/") + "/"))
        for folder in folders
    } if files else {}  # fmt: skip


def test_example_from_the_statement() -> None:
    files = {"/app/main.py": 120, "/app/api/tasks.py": 300, "/app/api/users.py": 200,
             "/README.md": 50}  # fmt: skip
    assert p01.folder_sizes(files) == {"/": 670, "/app": 620, "/app/api": 500}


def test_edge_cases() -> None:
    assert p01.folder_sizes({}) == {}
    assert p01.folder_sizes({"/empty.txt": 0}) == {"/": 0}
    # a folder named like the start of another is not its parent
    assert p01.folder_sizes({"/a/x": 1, "/ab/y": 2}) == {"/": 3, "/a": 1, "/ab": 2}


paths = st.lists(st.sampled_from("abc"), min_size=1, max_size=4).map(lambda p: "/" + "/".join(p))


@PROPERTY
@given(st.dictionaries(paths, st.integers(0, 100), max_size=12))
def test_matches_a_brute_force_oracle(files: dict[str, int]) -> None:
    # a path may also be a folder of another path here; the answer must not care
    assert p01.folder_sizes(files) == oracle(files)


def test_large_input_is_fast() -> None:
    n = 100_000
    files = {f"/data/d{i % 100}/f{i}.log": 1 for i in range(n)}
    with fast_enough("O(total length)", n):
        sizes = p01.folder_sizes(files)
    assert sizes["/"] == n
    assert sizes["/data/d7"] == n // 100

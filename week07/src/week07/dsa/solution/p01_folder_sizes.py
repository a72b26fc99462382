"""Problem 1: the size of every folder (a tree built from paths)."""

from __future__ import annotations

from collections import defaultdict


def folder_sizes(files: dict[str, int]) -> dict[str, int]:
    """The total size of the files under each folder, ``/`` included, from file path -> size."""
    # BEGIN SOLUTION add each file's size to every folder on its path
    sizes: defaultdict[str, int] = defaultdict(int)
    for path, size in files.items():
        folder = "/"
        sizes[folder] += size
        for segment in path.strip("/").split("/")[:-1]:
            folder = f"{folder.rstrip('/')}/{segment}"
            sizes[folder] += size
    return dict(sizes)
    # END SOLUTION

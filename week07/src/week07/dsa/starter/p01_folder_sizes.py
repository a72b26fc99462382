"""Problem 1: the size of every folder (a tree built from paths)."""

from __future__ import annotations

from collections import defaultdict


def folder_sizes(files: dict[str, int]) -> dict[str, int]:
    """The total size of the files under each folder, ``/`` included, from file path -> size."""
    raise NotImplementedError("TODO: add each file's size to every folder on its path")

"""The in-memory "database": one set of tables per app. Week 06 replaces it with PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from .categories.models import Category
from .tags.models import Tag
from .tasks.models import Task


@dataclass
class InMemoryStore:
    """Rows keyed by id, and an id sequence per table (like PostgreSQL's identity columns)."""

    tasks: dict[int, Task] = field(default_factory=dict)
    categories: dict[int, Category] = field(default_factory=dict)
    tags: dict[int, Tag] = field(default_factory=dict)
    _sequences: dict[str, Iterator[int]] = field(default_factory=dict)

    def next_id(self, table: str) -> int:
        """The next id of ``table``: 1, 2, 3, ... Ids are never reused, even after a delete."""
        raise NotImplementedError("TODO: the next number of table's own counter (itertools.count)")

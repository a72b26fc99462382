"""Week 5 fixtures: every test works in its own PostgreSQL schema or its own rolled-back transaction.

``postgres_url`` (testkit, session) is a fresh database on a real server; nothing here touches
any other database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from week05.pg import Connect, Connection, scratch_schema


@pytest.fixture
def connect(postgres_url: str) -> Iterator[Connect]:
    """A factory of connections that all work in a new schema, dropped after the test."""
    with scratch_schema(postgres_url, prefix="test") as factory:
        yield factory


@pytest.fixture
def conn(connect: Connect) -> Connection:
    """One connection in the test's own schema (transactions are up to the test)."""
    return connect()

"""Async SQLAlchemy helpers: per-test rollback, query counting, EXPLAIN plans.

Fixtures (from the testkit plugin):
- ``db_engine``: one ``AsyncEngine`` per session on the ``postgres_url`` database. A week builds
  its schema by overriding it: ``async def db_engine(db_engine): <run migrations>; return db_engine``.
- ``db_connection``: a connection inside a transaction that is rolled back after the test.
- ``db_session``: an ``AsyncSession`` on that connection. App code may ``commit()``: with
  ``join_transaction_mode="create_savepoint"`` a commit only releases a savepoint, and the outer
  rollback still removes everything the test wrote.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest_asyncio
from sqlalchemy import Engine, event, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.sql import ClauseElement

_TRANSACTION_CONTROL = re.compile(
    r"^\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.I
)


def async_url(url: str) -> str:
    """``postgresql://...`` -> ``postgresql+asyncpg://...`` for ``create_async_engine``."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql+asyncpg://", url)


@dataclass
class QueryCounter:
    """The SQL statements an engine sent while counting (savepoint bookkeeping left out)."""

    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextmanager
def count_queries(engine: AsyncEngine | Engine) -> Iterator[QueryCounter]:
    """Count statements: ``with count_queries(engine) as q: ...; assert q.count == 2``."""
    sync_engine = engine.sync_engine if isinstance(engine, AsyncEngine) else engine
    counter = QueryCounter()

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not _TRANSACTION_CONTROL.match(statement):
            counter.statements.append(statement)

    event.listen(sync_engine, "before_cursor_execute", record)
    try:
        yield counter
    finally:
        event.remove(sync_engine, "before_cursor_execute", record)


async def explain(
    conn: AsyncConnection | AsyncSession,
    statement: str | ClauseElement,
    params: dict[str, Any] | None = None,
    *,
    analyze: bool = False,
) -> dict[str, Any]:
    """The ``EXPLAIN (FORMAT JSON)`` plan of a statement: ``{"Plan": {"Node Type": ...}, ...}``."""
    if not isinstance(statement, str):
        compiled = statement.compile(
            dialect=postgresql.dialect(),  # type: ignore[no-untyped-call]
            compile_kwargs={"literal_binds": True},
        )
        statement = str(compiled)
    options = "FORMAT JSON, ANALYZE" if analyze else "FORMAT JSON"
    result = await conn.execute(text(f"EXPLAIN ({options}) {statement}"), params or {})
    plan: dict[str, Any] = result.scalar_one()[0]
    return plan


def plan_nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of a plan from ``explain``, depth first."""
    nodes = []
    stack = [plan.get("Plan", plan)]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(reversed(node.get("Plans", [])))
    return nodes


def node_types(plan: dict[str, Any]) -> set[str]:
    """The node types of a plan, e.g. ``{"Index Scan"}`` or ``{"Seq Scan", "Sort"}``."""
    return {str(node["Node Type"]) for node in plan_nodes(plan)}


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(async_url(postgres_url), pool_size=5, max_overflow=10)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest_asyncio.fixture(loop_scope="session")
async def db_connection(db_engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with db_engine.connect() as conn:
        transaction = await conn.begin()
        try:
            yield conn
        finally:
            if transaction.is_active:
                await transaction.rollback()


@pytest_asyncio.fixture(loop_scope="session")
async def db_session(db_connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    session = AsyncSession(
        bind=db_connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        await session.close()

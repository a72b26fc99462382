"""Async SQLAlchemy helpers for tests: query counting (N+1 detection) and EXPLAIN plans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
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
    buffers: bool = False,
) -> dict[str, Any]:
    """The ``EXPLAIN (FORMAT JSON)`` plan of a statement: ``{"Plan": {"Node Type": ...}, ...}``.

    ``analyze=True`` runs it and adds actual rows and times; ``buffers=True`` adds the pages read
    from the cache ("Shared Hit Blocks") and from disk ("Shared Read Blocks").
    """
    if not isinstance(statement, str):
        compiled = statement.compile(
            dialect=postgresql.dialect(),  # type: ignore[no-untyped-call]
            compile_kwargs={"literal_binds": True},
        )
        statement = str(compiled)
    options = ", ".join(
        ["FORMAT JSON", *(["ANALYZE"] if analyze else []), *(["BUFFERS"] if buffers else [])]
    )
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

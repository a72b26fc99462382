"""Database fixtures on a real PostgreSQL: rollback isolation with commits, counting, EXPLAIN."""

from __future__ import annotations

import pytest
from sqlalchemy import Integer, String, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from testkit import count_queries, explain, node_types, plan_nodes
from testkit.db import async_url


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(String(100), index=True)


@pytest.fixture(scope="session")
async def db_engine(db_engine: AsyncEngine) -> AsyncEngine:
    """How a week builds its schema: override ``db_engine`` and use the testkit's."""
    async with db_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    return db_engine


@pytest.mark.parametrize("round_", [1, 2])
async def test_commits_in_app_code_are_rolled_back_after_each_test(
    db_session: AsyncSession, round_: int
) -> None:
    assert (await db_session.scalars(select(Note))).all() == []  # the other round left nothing
    db_session.add(Note(body=f"round {round_}"))
    await db_session.commit()  # what application code does
    assert len((await db_session.scalars(select(Note))).all()) == 1


async def test_count_queries_counts_statements_not_savepoints(
    db_session: AsyncSession, db_engine: AsyncEngine
) -> None:
    with count_queries(db_engine) as counter:
        db_session.add(Note(body="a"))
        await db_session.commit()
        await db_session.scalars(select(Note))
    assert counter.count == 2
    assert counter.statements[0].startswith("INSERT INTO notes")


async def test_explain_returns_the_plan(db_connection: AsyncConnection) -> None:
    await db_connection.execute(
        text("INSERT INTO notes (body) SELECT 'n' || g FROM generate_series(1, 2000) g")
    )
    await db_connection.execute(text("ANALYZE notes"))
    plan = await explain(db_connection, select(Note).where(Note.body == "n7"))
    assert node_types(plan) & {"Index Scan", "Bitmap Heap Scan", "Index Only Scan"}
    seq = await explain(
        db_connection, "SELECT * FROM notes ORDER BY id DESC", analyze=True, buffers=True
    )
    assert plan_nodes(seq)[0]["Actual Rows"] == 2000
    assert "Shared Hit Blocks" in plan_nodes(seq)[0]


def test_async_url_rewrites_the_driver() -> None:
    assert async_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("postgres+psycopg://u@h/db") == "postgresql+asyncpg://u@h/db"

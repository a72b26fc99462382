"""L2: raw SQL when the ORM is not enough - ``text()`` - and hybrid properties.

Reach for ``text()`` when the SQL is clearer than its ORM spelling (recursive CTEs, window
functions, vendor features), or was tuned by hand from an EXPLAIN. Rules:

- **Bind parameters, always**: ``text("... WHERE name = :name")`` with ``{"name": value}``. The
  driver sends the value separately from the SQL, so a value can never become SQL. Building SQL
  with f-strings from input is an SQL injection.
- Say what comes back: ``text(...).columns(Model.id, Model.title)`` types the columns, and
  ``select(Model).from_statement(text(...))`` turns the rows into ORM objects.
- Keep raw SQL in the repository, next to the ORM queries it sits beside, and test it.

A **hybrid property** is one definition that works on an object (Python) and in a query (SQL):
``task.is_overdue`` reads a loaded task; ``select(Task).where(Task.is_overdue)`` becomes SQL.
When the Python and SQL forms must differ, ``@<name>.inplace.expression`` gives the SQL one.

Run: ``uv run python -m week07.lectures.l2_raw_sql``
"""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import ColumnElement, ForeignKey, String, and_, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from week07.lectures.demo_db import demo_database, scratch_engine

TODAY = date(2026, 3, 15)  # a fixed "today" keeps the demo and its tests deterministic


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(default=False)
    due_date: Mapped[date | None]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))

    @hybrid_property
    def is_overdue(self) -> bool:
        """Python: on a loaded task."""
        return not self.done and self.due_date is not None and self.due_date < TODAY

    @is_overdue.inplace.expression
    @classmethod
    def _is_overdue_sql(cls) -> ColumnElement[bool]:
        """SQL: ``NOT done AND due_date < '2026-03-15'`` (NULL dates are never overdue)."""
        return and_(cls.done.is_(False), cls.due_date < TODAY)


def sample_tasks() -> list[Task]:
    return [
        Task(id=1, title="Launch", due_date=date(2026, 4, 1)),
        Task(id=2, title="Write docs", parent_id=1, due_date=date(2026, 3, 1)),
        Task(id=3, title="Proofread docs", parent_id=2, due_date=date(2026, 3, 10), done=True),
        Task(id=4, title="Index the docs", parent_id=2),
        Task(id=5, title="Unrelated", due_date=date(2026, 1, 1)),
    ]


# A recursive CTE: task 1 and everything below it, with its depth. Clearer as SQL than as ORM.
SUBTREE = text("""
    WITH RECURSIVE subtree AS (
        SELECT id, title, 0 AS depth FROM tasks WHERE id = :root
        UNION ALL
        SELECT t.id, t.title, s.depth + 1 FROM tasks t JOIN subtree s ON t.parent_id = s.id
    )
    SELECT id, title, depth FROM subtree ORDER BY depth, id
""")


async def setup(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSession(engine) as session:
        session.add_all(sample_tasks())
        await session.commit()


async def subtree(session: AsyncSession, root: int) -> list[tuple[int, str, int]]:
    result = await session.execute(SUBTREE, {"root": root})
    return [(row.id, row.title, row.depth) for row in result]


async def find_by_title(session: AsyncSession, title: str) -> list[Task]:
    """Raw SQL in, ORM objects out, the value bound (so ``"x' OR '1'='1"`` is just a title)."""
    query = text("SELECT * FROM tasks WHERE title = :title ORDER BY id")
    return list(await session.scalars(select(Task).from_statement(query), {"title": title}))


async def overdue_in_sql(session: AsyncSession) -> list[str]:
    return list(await session.scalars(select(Task.title).where(Task.is_overdue).order_by(Task.id)))


def overdue_sql() -> str:
    return str(select(Task.id).where(Task.is_overdue))


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await setup(engine)
        async with AsyncSession(engine) as session:
            print("subtree of task 1:", await subtree(session, 1))
            print("title = docs:", [t.title for t in await find_by_title(session, "Write docs")])
            print("injection attempt:", await find_by_title(session, "x' OR '1'='1"))
            print("overdue (SQL):", await overdue_in_sql(session))
            tasks = await session.scalars(select(Task).order_by(Task.id))
            print("overdue (Python):", [t.title for t in tasks if t.is_overdue])
            print(overdue_sql())


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()

"""Demo data for ``make run``: a few categories, tags and tasks, added through the services (so
every rule holds). Run it after the migrations: ``uv run python week07/scripts/seed.py``.
"""

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from .categories.repository import SqlCategoryRepository
from .categories.schemas import CategoryIn
from .categories.service import CategoryService
from .db import database_url, make_engine, make_sessionmaker
from .tags.repository import SqlTagRepository
from .tags.schemas import TagIn
from .tags.service import TagService
from .tasks.repository import SqlTaskRepository
from .tasks.schemas import TaskIn
from .tasks.service import TaskService


async def seed(session: AsyncSession) -> bool:
    """Add the demo data unless there are categories already; True if it added them."""
    raise NotImplementedError("TODO: nothing if data exists; else demo data via services")


async def seed_database(url: str) -> bool:
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session:
            added = await seed(session)
            await session.commit()
            return added
    finally:
        await engine.dispose()


def main() -> None:
    added = asyncio.run(seed_database(database_url()))
    print("demo data added" if added else "the database has data already: nothing added")


if __name__ == "__main__":
    main()

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
    # BEGIN SOLUTION nothing if data exists; else demo data via services
    categories, tags, tasks = (
        SqlCategoryRepository(session), SqlTagRepository(session), SqlTaskRepository(session),
    )  # fmt: skip
    if await categories.list_all():
        return False
    add_category = CategoryService(categories, tasks).create
    add_tag, add_task = TagService(tags, tasks).create, TaskService(tasks, categories, tags).create
    work = await add_category(CategoryIn(name="Work", description="Paid work"))
    home = await add_category(CategoryIn(name="Home"))
    urgent, later = await add_tag(TagIn(name="urgent")), await add_tag(TagIn(name="later"))
    await add_task(TaskIn(title="Ship week 7", priority="high", category_id=work.id,
                          tag_ids=[urgent.id]))  # fmt: skip
    await add_task(TaskIn(title="Review the migration", status="in_progress", category_id=work.id))
    await add_task(TaskIn(title="Water the plants", category_id=home.id, tag_ids=[later.id]))
    await add_task(TaskIn(title="Read about keyset pagination", status="done"))
    return True
    # END SOLUTION


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

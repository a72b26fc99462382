"""Demo data for ``make run``: two users and a few categories, tags and tasks of one of them,
added through the services (so every rule holds). Run it after the migrations:
``uv run python week12/scripts/seed.py``. The passwords are for a local demo only.
"""

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from .auth.passwords import Passwords
from .categories.repository import SqlCategoryRepository
from .categories.schemas import CategoryIn
from .categories.service import CategoryService
from .db import database_url, make_engine, make_sessionmaker
from .settings import Settings
from .tags.repository import SqlTagRepository
from .tags.schemas import TagIn
from .tags.service import TagService
from .tasks.repository import SqlTaskRepository
from .tasks.schemas import TaskIn
from .tasks.service import TaskService
from .users.models import Role
from .users.repository import UserRepository

# Migration 0007 creates this admin (the owner of the data week 7 left) without a usable password.
OWNER_EMAIL = "owner@task-manager.example"
# Published demo credentials of a local development database.
DEMO_PASSWORDS = {
    OWNER_EMAIL: "owner demo password, local only",
    "ann@example.com": "ann demo password, local only",
}


async def seed(session: AsyncSession, passwords: Passwords) -> bool:
    """Add the demo users and Ann's data unless Ann exists; True if it added them."""
    users = UserRepository(session)
    if await users.get_by_email("ann@example.com") is not None:
        return False
    owner = await users.get_by_email(OWNER_EMAIL)
    if owner is None:
        owner = await users.add(OWNER_EMAIL, "!")
    await users.update(owner, {"role": Role.ADMIN,
                               "password_hash": passwords.hash(DEMO_PASSWORDS[OWNER_EMAIL])})  # fmt: skip
    ann = await users.add("ann@example.com", passwords.hash(DEMO_PASSWORDS["ann@example.com"]))
    categories, tags, tasks = (
        SqlCategoryRepository(session, ann.id), SqlTagRepository(session, ann.id),
        SqlTaskRepository(session, ann.id),
    )  # fmt: skip
    add_category = CategoryService(categories, tasks).create
    add_tag, add_task = TagService(tags, tasks).create, TaskService(tasks, categories, tags).create
    work = await add_category(CategoryIn(name="Work", description="Paid work"))
    home = await add_category(CategoryIn(name="Home"))
    urgent, later = await add_tag(TagIn(name="urgent")), await add_tag(TagIn(name="later"))
    await add_task(TaskIn(title="Ship week 9", priority="high", category_id=work.id,
                          tag_ids=[urgent.id]))  # fmt: skip
    await add_task(
        TaskIn(title="Rotate the signing key", status="in_progress", category_id=work.id)
    )
    await add_task(TaskIn(title="Water the plants", category_id=home.id, tag_ids=[later.id]))
    await add_task(TaskIn(title="Read RFC 9700", status="done"))
    return True


async def seed_database(url: str, passwords: Passwords) -> bool:
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session:
            added = await seed(session, passwords)
            await session.commit()
            return added
    finally:
        await engine.dispose()


def main() -> None:
    passwords = Passwords(Settings.from_env().password_cost)
    added = asyncio.run(seed_database(database_url(), passwords))
    if added:
        print("demo users added (log in at /api/v1/docs, 'Authorize'):")
        for email, password in DEMO_PASSWORDS.items():
            print(f"  {email} / {password}")
    else:
        print("the database has demo data already: nothing added")


if __name__ == "__main__":
    main()

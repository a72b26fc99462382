"""The demo data of ``make run`` goes in through the services, once (task 1)."""

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module

from ..alembic_helpers import migrate

pytestmark = pytest.mark.task(1)
seed = impl_module("week07", "seed")
TaskRepository = impl_module("week07", "tasks.repository").SqlTaskRepository
TaskFilters = impl_module("week07", "tasks.schemas").TaskFilters


async def test_seed_adds_demo_data_once(db_session: AsyncSession) -> None:
    assert await seed.seed(db_session) is True
    assert await seed.seed(db_session) is False  # a second run changes nothing

    tasks = await TaskRepository(db_session).find(TaskFilters())
    assert len(tasks) == 4
    assert any(task.tag_ids for task in tasks)


async def test_seed_database_commits_into_a_migrated_database(fresh_url: str) -> None:
    await migrate(fresh_url, "upgrade", "head")

    assert await seed.seed_database(fresh_url) is True
    assert await seed.seed_database(fresh_url) is False  # committed: the second run sees it

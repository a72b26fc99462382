"""Inherited guard (0 points) under task 2: the seed creates tasks, so it fails until
``TaskService.create`` writes its outbox message.

The demo data of ``make run`` goes in through the services, once."""

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module

from ..alembic_helpers import migrate

pytestmark = [pytest.mark.task(2), pytest.mark.points(0)]  # inherited: a guard, no points

seed = impl_module("week11", "seed")
TaskRepository = impl_module("week11", "tasks.repository").SqlTaskRepository
TaskFilters = impl_module("week11", "tasks.schemas").TaskFilters
UserRepository = impl_module("week11", "users.repository").UserRepository


@pytest.fixture
def passwords(settings: Any) -> Any:
    return impl_module("week11", "auth.passwords").Passwords(settings.password_cost)


async def test_seed_adds_demo_users_and_data_once(db_session: AsyncSession, passwords: Any) -> None:
    assert await seed.seed(db_session, passwords) is True
    assert await seed.seed(db_session, passwords) is False  # a second run changes nothing

    users = UserRepository(db_session)
    ann = await users.get_by_email("ann@example.com")
    owner = await users.get_by_email(seed.OWNER_EMAIL)
    assert owner.role == "admin"
    assert passwords.verify(seed.DEMO_PASSWORDS[seed.OWNER_EMAIL], owner.password_hash)[0]
    tasks = await TaskRepository(db_session, ann.id).find(TaskFilters())
    assert len(tasks) == 4
    assert any(task.tag_ids for task in tasks)
    assert await TaskRepository(db_session, owner.id).find(TaskFilters()) == []


async def test_seed_database_commits_into_a_migrated_database(
    fresh_url: str, passwords: Any
) -> None:
    await migrate(fresh_url, "upgrade", "head")

    assert await seed.seed_database(fresh_url, passwords) is True
    assert await seed.seed_database(fresh_url, passwords) is False  # committed: seen again

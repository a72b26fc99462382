"""The migrations build what the models declare, and go down and up again (a guard, 0 points)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from testkit.services.postgres import create_database, drop_database

from .alembic_helpers import check, migrate

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]


@pytest.fixture
def fresh_url(postgres_url: str) -> Iterator[str]:
    url = create_database(postgres_url, prefix="fresh")
    try:
        yield url
    finally:
        drop_database(url)


async def test_upgrade_downgrade_upgrade_and_no_drift(fresh_url: str) -> None:
    await migrate(fresh_url, "upgrade", "head")
    await migrate(fresh_url, "downgrade", "base")
    await migrate(fresh_url, "upgrade", "head")
    await check(fresh_url)  # raises if the models and the migrated database differ

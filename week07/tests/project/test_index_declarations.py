"""Task 2: the models declare exactly the indexes the migrations create (``alembic check`` for
indexes, against the implementation's models). A guard, not graded work: the given starter agrees
with itself; what you add to migration 0005 must be declared in ``query_indexes()`` too.

A module of its own: the plan tests hold a lock on ``tasks`` for their whole module.
"""

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit import impl_module

pytestmark = pytest.mark.task(2)


def model_drift(sync_conn: Connection) -> list[Any]:
    metadata = impl_module("week07", "models").Base.metadata
    return [
        diff
        for diff in compare_metadata(MigrationContext.configure(sync_conn), metadata)
        if diff[0] in ("add_index", "remove_index")
    ]


@pytest.mark.points(0)
async def test_the_models_declare_the_indexes_the_migration_creates(
    db_engine: AsyncEngine,
) -> None:
    async with db_engine.connect() as conn:
        drift = await conn.run_sync(model_drift)
    assert drift == [], "the models and the migrated database disagree about these indexes"

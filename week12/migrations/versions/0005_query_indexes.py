"""query indexes: the list queries of GET /api/v2/tasks

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 11:00:00.000000+00:00

Generated with ``alembic revision --autogenerate --rev-id 0005``, then reviewed:

- ``ix_tasks_category_id`` goes: the new (category_id, created_at, id) index leads with the same
  column and serves every query the old one did (a redundant index only slows down writes);
- on a big production table, build indexes without blocking writes: ``CREATE INDEX CONCURRENTLY``
  (``op.create_index(..., postgresql_concurrently=True)``), which cannot run inside a transaction:
  wrap those calls in ``with op.get_context().autocommit_block():``. The course's tables are small,
  so this migration keeps the simple, transactional form.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_tasks_status_created_at_id", "tasks", ["status", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_tasks_category_id_created_at_id",
        "tasks",
        ["category_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_tasks_lower_title_id", "tasks", [sa.literal_column("lower(title)"), "id"], unique=False
    )
    op.drop_index("ix_tasks_category_id", table_name="tasks")


def downgrade() -> None:
    op.create_index("ix_tasks_category_id", "tasks", ["category_id"], unique=False)
    op.drop_index("ix_tasks_lower_title_id", table_name="tasks")
    op.drop_index("ix_tasks_category_id_created_at_id", table_name="tasks")
    op.drop_index("ix_tasks_status_created_at_id", table_name="tasks")

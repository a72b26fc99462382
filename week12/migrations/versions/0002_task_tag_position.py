"""task_tags.position: keep each task's tags in the order the client sent them

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:40:00+00:00

Written by hand: a schema change with a data migration in the middle. The three steps are the
safe way to add a NOT NULL column to a table that already has rows:

1. add the column as NULLable (existing rows get NULL, nothing fails);
2. backfill: number each task's existing links 0, 1, 2, ... in tag id order (the best order we
   can recover: 0001 did not record the client's order);
3. only then make it NOT NULL.

Downgrade drops the column: the recorded order is lost, but nothing else is. A downgrade that
loses data deserves this note; if that loss were not acceptable, the rollback strategy would be
"roll forward" with a new revision instead.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("task_tags", sa.Column("position", sa.SmallInteger(), nullable=True))
    # A set-based UPDATE: one statement for every row, not a Python loop over the links.
    op.execute(
        """
        UPDATE task_tags AS link
        SET position = numbered.position
        FROM (
            SELECT task_id, tag_id,
                   row_number() OVER (PARTITION BY task_id ORDER BY tag_id) - 1 AS position
            FROM task_tags
        ) AS numbered
        WHERE link.task_id = numbered.task_id AND link.tag_id = numbered.tag_id
        """
    )
    op.alter_column("task_tags", "position", nullable=False)


def downgrade() -> None:
    op.drop_column("task_tags", "position")

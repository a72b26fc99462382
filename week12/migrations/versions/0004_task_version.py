"""task version: a counter for optimistic concurrency (ETag / If-Match)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 11:00:00.000000+00:00

A NOT NULL column with a constant default: PostgreSQL 11+ adds it without rewriting the table
(the default lives in the catalog), so this is instant even on a big table. Existing tasks start
at version 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "tasks", sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
    )


def downgrade() -> None:
    op.drop_column("tasks", "version")

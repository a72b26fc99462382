"""idempotency keys and the keyset index: week 4's features, now stored in PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:43:41.561589+00:00

Generated with ``alembic revision --autogenerate --rev-id 0003``, then reviewed: a new table and a
new index only, so the downgrade loses nothing but the remembered idempotency keys (clients that
retry after a downgrade get a second task instead of a replay: acceptable for a rollback).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("body", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("location", sa.String(length=2000), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_idempotency_keys")),
    )
    op.create_index("ix_tasks_created_at_id", "tasks", ["created_at", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_tasks_created_at_id", table_name="tasks")
    op.drop_table("idempotency_keys")

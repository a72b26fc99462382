"""Attachments of tasks: what the API knows about files kept in object storage (tenant table).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 12:10:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("task_id", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.Text(), server_default="pending", nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("org_id", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("status IN ('pending', 'stored')", name=op.f("ck_attachments_status")),
        sa.CheckConstraint("size > 0", name=op.f("ck_attachments_size")),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_attachments_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_attachments_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id", "org_id"],
            ["tasks.id", "tasks.org_id"],
            name="fk_attachments_task_id_tasks",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("key", name=op.f("uq_attachments_key")),
    )
    op.create_index(op.f("ix_attachments_org_id"), "attachments", ["org_id"], unique=False)
    op.create_index("ix_attachments_task_id_id", "attachments", ["task_id", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_attachments_task_id_id", table_name="attachments")
    op.drop_index(op.f("ix_attachments_org_id"), table_name="attachments")
    op.drop_table("attachments")

"""Comments on tasks and their @mentions (tenant tables, each with org_id).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 11:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The target of the comments' composite foreign key (a comment's task is in its organisation).
    op.create_unique_constraint("uq_tasks_id_org_id", "tasks", ["id", "org_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("task_id", sa.BigInteger(), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("org_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_comments_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id", "org_id"],
            ["tasks.id", "tasks.org_id"],
            name="fk_comments_task_id_tasks",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index(op.f("ix_comments_org_id"), "comments", ["org_id"], unique=False)
    op.create_index("ix_comments_task_id_id", "comments", ["task_id", "id"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("comment_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("org_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_mentions_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_mentions_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_mentions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("comment_id", "user_id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_org_id"), "mentions", ["org_id"], unique=False)
    op.create_index(op.f("ix_mentions_user_id"), "mentions", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_mentions_user_id"), table_name="mentions")
    op.drop_index(op.f("ix_mentions_org_id"), table_name="mentions")
    op.drop_table("mentions")
    op.drop_index("ix_comments_task_id_id", table_name="comments")
    op.drop_index(op.f("ix_comments_org_id"), table_name="comments")
    op.drop_table("comments")
    op.drop_constraint("uq_tasks_id_org_id", "tasks", type_="unique")

"""Full-text search over tasks: a generated tsvector column (title weighted above description)
and its GIN index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 12:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported from the app: a migration must not change when the app does.
DOCUMENT = (
    "setweight(to_tsvector('english', title), 'A')"
    " || setweight(to_tsvector('english', description), 'B')"
)


def upgrade() -> None:
    op.add_column(
        "tasks",
        sa.Column(
            "document",
            postgresql.TSVECTOR(),
            sa.Computed(DOCUMENT, persisted=True),
            nullable=False,
        ),
    )
    op.create_index("ix_tasks_document", "tasks", ["document"], postgresql_using="gin")


def downgrade() -> None:
    op.drop_index("ix_tasks_document", table_name="tasks", postgresql_using="gin")
    op.drop_column("tasks", "document")

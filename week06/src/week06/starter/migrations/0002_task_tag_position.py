"""task_tags.position: keep each task's tags in the order the client sent them

Revision ID: 0002
Revises: 0001

Yours: ``TaskTag.position`` (a SMALLINT, NOT NULL) is new, and ``task_tags`` may already hold rows
when this runs. Write an upgrade that works on a table with data (what do existing links get?) and a
downgrade that undoes it; say in this docstring what a downgrade loses.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    raise NotImplementedError("TODO: add task_tags.position; number existing links; NOT NULL")


def downgrade() -> None:
    raise NotImplementedError("TODO: drop task_tags.position")

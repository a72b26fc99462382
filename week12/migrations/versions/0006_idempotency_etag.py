"""idempotency keys remember the ETag of the response they replay

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 12:00:00.000000+00:00

A replayed create must be the first response again, headers included: its ``ETag`` names the
version the client can send in ``If-Match``. A nullable column without a default: adding it is
instant, and keys stored before it replay without an ``ETag`` (as they were first sent).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("idempotency_keys", sa.Column("etag", sa.String(length=100), nullable=True))


def downgrade() -> None:
    op.drop_column("idempotency_keys", "etag")

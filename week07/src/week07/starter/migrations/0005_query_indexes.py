"""query indexes: the slow list queries of GET /api/v2/tasks (task 2)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 11:00:00.000000+00:00

Which indexes: the ones the plans of the README's slow queries ask for, on the sample data (read
``EXPLAIN``, then index). Declare them in ``tasks/indexes.py`` as well, then
``alembic revision --autogenerate`` (or by hand) and review: the models and the migrated database
must agree (``alembic check``).

On a big production table, build indexes without blocking writes: ``CREATE INDEX CONCURRENTLY``
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
    # TODO: create the indexes your EXPLAIN plans call for (and drop one that becomes redundant)
    pass


def downgrade() -> None:
    # TODO: undo upgrade(), in reverse order
    pass

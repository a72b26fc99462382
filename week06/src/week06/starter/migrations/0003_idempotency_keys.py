"""idempotency keys and the keyset index: week 4's features, now stored in PostgreSQL

Revision ID: 0003
Revises: 0002

Yours: the ``idempotency_keys`` table of ``IdempotencyRecord`` and the index on ``(created_at, id)``
of ``Task``. Write it from your models as 0001 is written, or let autogenerate draft it: make
``upgrade()`` a plain ``pass`` for a moment, then in ``week06/`` run
``uv run alembic -n starter upgrade head`` and
``uv run alembic -n starter revision --autogenerate -m draft``: the draft appears beside this file.
Review it, move its body here, delete it, and give this revision a working ``downgrade()``.
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
    raise NotImplementedError("TODO: create idempotency_keys; index tasks (created_at, id)")


def downgrade() -> None:
    raise NotImplementedError("TODO: drop what upgrade() created, in reverse order")

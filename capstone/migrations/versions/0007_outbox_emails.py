"""The e-mail outbox: an operator table (no row-level security), written by the app in the
transaction of the change, read and updated by the delivery worker (ADR 0010).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 22:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "capstone_app"


def upgrade() -> None:
    op.create_table(
        "outbox_emails",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("org_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column(
            "next_attempt_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_outbox_emails_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_emails")),
        sa.UniqueConstraint("message_id", name=op.f("uq_outbox_emails_message_id")),
    )
    op.create_index(op.f("ix_outbox_emails_org_id"), "outbox_emails", ["org_id"], unique=False)
    op.create_index(
        "ix_outbox_emails_due",
        "outbox_emails",
        ["next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )
    # The app only adds rows (in the request's transaction); the worker owns the rest.
    op.execute(f"GRANT SELECT, INSERT ON outbox_emails TO {APP_ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE outbox_emails_id_seq TO {APP_ROLE}")


def downgrade() -> None:
    op.drop_index("ix_outbox_emails_due", table_name="outbox_emails")
    op.drop_index(op.f("ix_outbox_emails_org_id"), table_name="outbox_emails")
    op.drop_table("outbox_emails")

"""Report exports: a tenant table, under the row-level security policy of migration 0005.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 22:15:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "capstone_app"
CURRENT_ORG = "NULLIF(current_setting('app.org_id', true), '')::bigint"


def upgrade() -> None:
    op.create_table(
        "report_exports",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("requested_by", sa.BigInteger(), nullable=True),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("org_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organisations.id"],
            name=op.f("fk_report_exports_org_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["users.id"],
            name=op.f("fk_report_exports_requested_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_exports")),
    )
    op.create_index(op.f("ix_report_exports_org_id"), "report_exports", ["org_id"], unique=False)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON report_exports TO {APP_ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE report_exports_id_seq TO {APP_ROLE}")
    op.execute("ALTER TABLE report_exports ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE report_exports FORCE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY tenant_isolation ON report_exports"
        f" USING (org_id = {CURRENT_ORG}) WITH CHECK (org_id = {CURRENT_ORG})"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_report_exports_org_id"), table_name="report_exports")
    op.drop_table("report_exports")  # its policy and grants go with it

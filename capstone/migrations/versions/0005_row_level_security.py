"""Row-level security on the tenant tables: the second line of defence
([ADR 0003](../../docs/adr/0003-rls-second-line.md)).

Each tenant table gets a policy that shows and accepts only the rows of the organisation the
transaction is scoped to (``set_config('app.org_id', ..., true)``, which the tenancy dependency
issues); no scope means no rows. ``FORCE`` applies the policies to the tables' owner too;
superusers and ``BYPASSRLS`` roles still bypass them, so the application logs in as a role that
owns nothing: ``capstone_app`` (created here, NOLOGIN: production grants it to the login role the
app uses). ``memberships`` and ``invitations`` stay outside: they are how a request FINDS its
organisation (the caller's memberships in every organisation, an invitation by its token).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 15:20:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "capstone_app"
TENANT_TABLES = ("projects", "tasks", "comments", "mentions", "attachments", "audit_events")
ALL_TABLES = ("users", "refresh_tokens", "organisations", "memberships", "invitations",
              *TENANT_TABLES)  # fmt: skip
# NULL when no transaction of the connection set it, '' once one did: both mean "no rows".
CURRENT_ORG = "NULLIF(current_setting('app.org_id', true), '')::bigint"


def upgrade() -> None:
    # Roles belong to the server, not to one database: another database may have created it.
    op.execute(
        f"DO $$ BEGIN CREATE ROLE {APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;"
        " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    )
    for table in ALL_TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {APP_ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}")
    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_isolation ON {table}"
            f" USING (org_id = {CURRENT_ORG}) WITH CHECK (org_id = {CURRENT_ORG})"
        )


def downgrade() -> None:
    for table in TENANT_TABLES:
        op.execute(f"DROP POLICY tenant_isolation ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {APP_ROLE}")
    for table in ALL_TABLES:
        op.execute(f"REVOKE ALL ON {table} FROM {APP_ROLE}")
    # The role stays: other databases of the server may still use it.

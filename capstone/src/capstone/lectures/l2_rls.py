"""PostgreSQL row-level security: the second line of defence (lecture 2).

The repository base already filters every query by tenant. RLS makes the *database* refuse the rows
of other tenants too, so a hand-written query, a report script or a bug in the base still cannot
leak them:

- a policy ``USING (org_id = <the current tenant>)`` filters reads, and ``WITH CHECK`` refuses
  writes of rows for another tenant;
- the current tenant is a setting of the transaction: ``set_config('app.org_id', :id, true)`` (the
  ``true`` is ``SET LOCAL``: it ends with the transaction, so a pooled connection never carries
  one request's tenant into the next; ``SET LOCAL`` itself takes no bind parameters);
- no setting means no rows, not all rows (``current_setting(..., true)`` is NULL, or '' once any
  transaction of the connection has set it, hence the ``NULLIF``);
- superusers and roles with ``BYPASSRLS`` always bypass RLS; the table's owner bypasses it unless
  the table has ``FORCE ROW LEVEL SECURITY``. The application connects as a role that owns nothing.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

CURRENT_TENANT = "NULLIF(current_setting('app.org_id', true), '')::bigint"


def identifier(name: str) -> str:
    """DDL cannot bind identifiers: accept only plain lowercase names, never user input."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return name


def rls_ddl(table: str, *, owner: str, app_role: str, force: bool = True) -> list[str]:
    """The statements that create a tenant table protected by a policy."""
    table, owner, app_role = identifier(table), identifier(owner), identifier(app_role)
    statements = [
        f"CREATE TABLE {table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " org_id bigint NOT NULL, title text NOT NULL)",
        f"ALTER TABLE {table} OWNER TO {owner}",
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {table}"
        f" USING (org_id = {CURRENT_TENANT}) WITH CHECK (org_id = {CURRENT_TENANT})",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {app_role}",
    ]
    if force:  # without it the owner (a migration role, say) sees every tenant's rows
        statements.insert(3, f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    return statements


async def set_tenant(conn: AsyncConnection, org_id: int) -> None:
    """Scope the current transaction to ``org_id`` (a bind parameter: no SQL injection)."""
    await conn.execute(
        text("SELECT set_config('app.org_id', :org_id, true)"), {"org_id": str(org_id)}
    )

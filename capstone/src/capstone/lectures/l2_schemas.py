"""Schema-per-tenant, compared with row-level isolation (lecture 2).

Each tenant gets a schema of its own holding the same tables; the transaction's ``search_path``
chooses which one unqualified names (``tasks``) mean. The queries carry no tenant filter at all.

What it costs, and why the capstone keeps one schema with ``org_id`` (see its ADRs):

- every migration runs once per tenant (1,000 tenants: 1,000 ``ALTER TABLE``), and a failure half
  way leaves tenants on different versions;
- the catalogue grows with tenants x tables, and cross-tenant queries (the operator's dashboard)
  need a ``UNION`` over every schema;
- ``search_path`` is connection state: it must be ``SET LOCAL`` (per transaction), or a pooled
  connection serves the next request in the previous tenant's schema.

What it buys: per-tenant backup/restore and moving a large tenant out is one ``pg_dump -n``, and a
query that forgets its filter still cannot see another tenant. It suits few, large tenants.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from capstone.lectures.l2_rls import identifier


def tenant_schema(slug: str) -> str:
    return identifier(f"tenant_{slug}")


async def create_tenant(conn: AsyncConnection, slug: str) -> None:
    """A schema with the tenant's tables: what "migrate every tenant" repeats N times."""
    schema = tenant_schema(slug)
    await conn.execute(text(f"CREATE SCHEMA {schema}"))
    await conn.execute(
        text(
            f"CREATE TABLE {schema}.tasks (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            " title text NOT NULL)"
        )
    )


async def use_tenant(conn: AsyncConnection, slug: str) -> None:
    """Unqualified names resolve in the tenant's schema until the transaction ends."""
    await conn.execute(text(f"SET LOCAL search_path TO {tenant_schema(slug)}"))

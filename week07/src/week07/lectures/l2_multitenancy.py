"""L2: multi-tenancy - one database, many customers (tenants), no data crossing between them.

- **Row-based** (shared schema): every table has ``tenant_id``; every query filters on it; every
  index starts with it (``(tenant_id, ...)``). Cheapest and simplest to run (one schema, one
  migration); the risk is one forgotten ``WHERE``. Defences: build every query through one helper
  (``for_tenant`` below), test that tenant B cannot see A's rows, and let PostgreSQL enforce it with
  row-level security (``CREATE POLICY ... USING (tenant_id = current_setting('app.tenant')::int)``;
  note that superusers and table owners bypass RLS unless ``FORCE ROW LEVEL SECURITY``).
  The capstone (weeks 13-14) builds on this model.
- **Schema-based**: one PostgreSQL schema per tenant with the same tables; a connection chooses
  its tenant with ``SET search_path`` (``SET LOCAL``: for this transaction only, so a pooled
  connection never carries the last tenant's path into the next request) or SQLAlchemy's
  ``schema_translate_map``. Stronger isolation, per-tenant backup and restore; but migrations run
  once per schema and thousands of schemas strain the catalog. Good for tens to hundreds of
  large tenants.
- **Database per tenant**: the strongest isolation and the most operations; for a few big,
  regulated customers.

Run: ``uv run python -m week07.lectures.l2_multitenancy``
"""

from __future__ import annotations

import asyncio
from typing import TypeVarTuple

from sqlalchemy import ForeignKey, Index, Select, String, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from week07.lectures.demo_db import demo_database, scratch_engine

Ts = TypeVarTuple("Ts")


class Base(DeclarativeBase):
    pass


class Tenant(Base):
    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"))
    name: Mapped[str] = mapped_column(String(100))
    # Every query filters by tenant first: the index leads with tenant_id.
    __table_args__ = (Index("ix_projects_tenant_name", "tenant_id", "name"),)


def for_tenant(query: Select[*Ts], tenant_id: int) -> Select[*Ts]:
    """The one way the app builds project queries: the tenant filter cannot be forgotten."""
    return query.where(Project.tenant_id == tenant_id)


async def row_based(engine: AsyncEngine) -> dict[int, list[str]]:
    """Two tenants share the table; each sees only its own projects."""
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with AsyncSession(engine) as session:
        session.add_all([Tenant(id=1, name="Acme"), Tenant(id=2, name="Globex")])
        await session.flush()
        session.add_all([
            Project(tenant_id=1, name="Rocket"), Project(tenant_id=1, name="Anvil"),
            Project(tenant_id=2, name="Doomsday device"),
        ])  # fmt: skip
        await session.commit()
        seen = {}
        for tenant in (1, 2):
            query = for_tenant(select(Project.name), tenant).order_by(Project.name)
            seen[tenant] = list(await session.scalars(query))
        return seen


TENANT_TABLE = "CREATE TABLE {schema}.projects (id serial PRIMARY KEY, name text NOT NULL)"


async def create_tenant_schema(conn: AsyncConnection, schema: str) -> None:
    """A new tenant: a schema and its tables (in real life: run the migrations for it)."""
    await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await conn.execute(text(TENANT_TABLE.format(schema=f'"{schema}"')))


async def use_tenant(conn: AsyncConnection, schema: str) -> None:
    """Point this transaction (only) at the tenant's schema. ``set_config(..., true)`` is
    ``SET LOCAL`` that accepts a bind parameter; still, take schema names from your own tenants
    table, never from a request (``CREATE SCHEMA`` above cannot bind an identifier at all)."""
    await conn.execute(text("SELECT set_config('search_path', :path, true)"), {"path": schema})


async def schema_based(engine: AsyncEngine) -> dict[str, list[str]]:
    """Two schemas, the same unqualified SQL, different data."""
    tenants = {"tenant_acme": ["Rocket", "Anvil"], "tenant_globex": ["Doomsday device"]}
    async with engine.begin() as conn:
        for schema, names in tenants.items():
            await create_tenant_schema(conn, schema)
            await use_tenant(conn, schema)
            for name in names:
                await conn.execute(text("INSERT INTO projects (name) VALUES (:n)"), {"n": name})
    seen = {}
    for schema in tenants:
        async with engine.begin() as conn:
            await use_tenant(conn, schema)
            query = text("SELECT name FROM projects ORDER BY name")
            seen[schema] = list((await conn.execute(query)).scalars())
    async with engine.begin() as conn:  # the demo schemas live outside the scratch schema
        for schema in tenants:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return seen


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        print("row-based:", await row_based(engine))
        print("schema-based:", await schema_based(engine))


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()

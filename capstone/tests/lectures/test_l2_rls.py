"""Lecture 2: row-level security refuses other tenants' rows even to a query without a filter,
and schema-per-tenant answers the same query differently per ``search_path``."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
import pytest_asyncio
from capstone.lectures.l2_rls import identifier, rls_ddl, set_tenant
from capstone.lectures.l2_schemas import create_tenant, use_tenant
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


@dataclass(frozen=True)
class Roles:
    owner: str
    app: str


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def roles(engine: AsyncEngine) -> AsyncIterator[Roles]:
    """Two roles of this run (roles are server-wide): the tables' owner and the application."""
    suffix = secrets.token_hex(4)
    roles = Roles(owner=f"lec_owner_{suffix}", app=f"lec_app_{suffix}")
    async with engine.begin() as conn:
        for role in (roles.owner, roles.app):
            await conn.execute(text(f"CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS"))
        for table, force in (("lec_rls_forced", True), ("lec_rls_unforced", False)):
            for statement in rls_ddl(table, owner=roles.owner, app_role=roles.app, force=force):
                await conn.execute(text(statement))
            # seeded by the superuser, whom RLS never stops
            await conn.execute(
                text(f"INSERT INTO {table} (org_id, title) VALUES (1, 'acme'), (2, 'globex')")  # noqa: S608
            )
    yield roles
    async with engine.begin() as conn:
        await conn.execute(text("DROP TABLE lec_rls_forced, lec_rls_unforced"))
        for role in (roles.owner, roles.app):
            await conn.execute(text(f"DROP OWNED BY {role}"))
            await conn.execute(text(f"DROP ROLE {role}"))


async def titles(conn: AsyncConnection, table: str) -> list[str]:
    query = f"SELECT title FROM {identifier(table)} ORDER BY id"  # noqa: S608  (checked name)
    return list(await conn.scalars(text(query)))


@asynccontextmanager
async def transaction_as(
    engine: AsyncEngine, role: str, tenant: int | None = None
) -> AsyncIterator[AsyncConnection]:
    """A transaction as ``role`` (the application connects as it), scoped to ``tenant`` if any."""
    async with engine.begin() as conn:
        await conn.execute(text(f"SET LOCAL ROLE {identifier(role)}"))
        if tenant is not None:
            await set_tenant(conn, tenant)
        yield conn


async def test_the_app_role_sees_only_the_tenant_of_the_transaction(
    engine: AsyncEngine, roles: Roles
) -> None:
    async with transaction_as(engine, roles.app, tenant=2) as conn:
        assert await titles(conn, "lec_rls_forced") == ["globex"]  # no WHERE in the query
    async with transaction_as(engine, roles.app) as conn:  # the next one: no tenant any more
        assert await titles(conn, "lec_rls_forced") == []


async def test_without_a_tenant_setting_a_query_sees_nothing(
    engine: AsyncEngine, roles: Roles
) -> None:
    async with transaction_as(engine, roles.app) as conn:
        assert await titles(conn, "lec_rls_forced") == []
        assert await titles(conn, "lec_rls_unforced") == []


async def test_writing_a_row_for_another_tenant_is_refused(
    engine: AsyncEngine, roles: Roles
) -> None:
    async with transaction_as(engine, roles.app, tenant=1) as conn:
        with pytest.raises(ProgrammingError, match="violates row-level security policy"):
            await conn.execute(
                text("INSERT INTO lec_rls_forced (org_id, title) VALUES (2, 'planted')")
            )
        await conn.rollback()


async def test_the_app_role_cannot_switch_row_security_off(
    engine: AsyncEngine, roles: Roles
) -> None:
    async with transaction_as(engine, roles.app) as conn:
        await conn.execute(text("SET LOCAL row_security = off"))  # "fail rather than filter"
        with pytest.raises(DBAPIError, match="would be affected by row-level security policy"):
            await titles(conn, "lec_rls_forced")
        await conn.rollback()


async def test_the_owner_bypasses_rls_unless_the_table_forces_it(
    engine: AsyncEngine, roles: Roles
) -> None:
    async with transaction_as(engine, roles.owner, tenant=1) as conn:
        assert await titles(conn, "lec_rls_unforced") == ["acme", "globex"]  # the leak
        assert await titles(conn, "lec_rls_forced") == ["acme"]


async def test_the_superuser_bypasses_rls_even_when_forced(
    engine: AsyncEngine, roles: Roles
) -> None:
    async with engine.begin() as conn:
        assert await conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        assert await titles(conn, "lec_rls_forced") == ["acme", "globex"]


def test_ddl_identifiers_are_checked_because_they_cannot_be_bound() -> None:
    with pytest.raises(ValueError, match="not a plain identifier"):
        identifier("tasks; DROP TABLE users")


async def test_schema_per_tenant_answers_the_same_query_per_search_path(
    engine: AsyncEngine,
) -> None:
    slugs = [f"a{secrets.token_hex(3)}", f"b{secrets.token_hex(3)}"]
    async with engine.begin() as conn:
        for slug in slugs:
            await create_tenant(conn, slug)
            await conn.execute(
                text(f"INSERT INTO tenant_{slug}.tasks (title) VALUES (:t)"),  # noqa: S608
                {"t": slug},
            )
    try:
        for slug in slugs:
            async with engine.begin() as conn:
                await use_tenant(conn, slug)
                assert list(await conn.scalars(text("SELECT title FROM tasks"))) == [slug]
        async with engine.begin() as conn:  # SET LOCAL ended with the transaction
            assert await conn.scalar(text("SHOW search_path")) == '"$user", public'
    finally:
        async with engine.begin() as conn:
            for slug in slugs:
                await conn.execute(text(f"DROP SCHEMA tenant_{slug} CASCADE"))

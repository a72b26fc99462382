"""Row-level isolation, enforced in one place (lecture 2).

Every tenant table carries ``org_id``. Two pieces make forgetting it impossible rather than
unlikely:

- ``current_tenant``, the dependency every tenant route takes: it resolves the organisation from
  the path and the caller's membership in it. No membership answers 404, exactly as an
  organisation that does not exist: a stranger learns nothing, not even that the id is taken.
- ``TenantRepository``, the base of every tenant repository: it is built from a ``Tenant`` and its
  only way to query is ``_select()``, which already carries ``WHERE org_id = :tenant``. A repository
  method cannot forget the filter because there is no unfiltered query to start from.

Shared resources (``Plan``, the catalogue of subscription plans) have no ``org_id`` and a plain
repository: every tenant reads the same rows, and only the operator writes them.
(The caller's identity comes from an ``X-User-Id`` header here; the project takes it from the JWT.)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, FastAPI, Header, HTTPException, Path
from pydantic import BaseModel, Field
from sqlalchemy import BigInteger, ForeignKey, Select, String, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from capstone.lectures.db import Base, Session

PgId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Role(StrEnum):
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


class Plan(Base):
    """Shared: one catalogue for every tenant, no ``org_id``."""

    __tablename__ = "lec_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    max_projects: Mapped[int]


class Organisation(Base):
    __tablename__ = "lec_organisations"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    plan_id: Mapped[int] = mapped_column(ForeignKey("lec_plans.id"))


class Membership(Base):
    __tablename__ = "lec_memberships"

    org_id: Mapped[int] = mapped_column(
        ForeignKey("lec_organisations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    role: Mapped[str] = mapped_column(String(10))


class TenantOwned(Base):
    """The mixin of tenant tables: the tenant column, indexed (every query filters on it)."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("lec_organisations.id", ondelete="CASCADE"), index=True
    )


class Project(TenantOwned):
    __tablename__ = "lec_projects"

    name: Mapped[str] = mapped_column(String(100))


@dataclass(frozen=True)
class Tenant:
    """Who is asking, for which organisation, with which role: resolved once per request."""

    org_id: int
    user_id: int
    role: Role


async def current_tenant(
    org_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    x_user_id: Annotated[int, Header(ge=1, le=2**63 - 1)],
    session: Session,
) -> Tenant:
    role = await session.scalar(
        select(Membership.role).where(Membership.org_id == org_id, Membership.user_id == x_user_id)
    )
    if role is None:  # not a member, or no such organisation: the same answer for both
        raise HTTPException(404, "organisation not found")
    return Tenant(org_id, x_user_id, Role(role))


CurrentTenant = Annotated[Tenant, Depends(current_tenant)]


def writer(tenant: CurrentTenant) -> Tenant:
    if tenant.role is Role.VIEWER:
        raise HTTPException(403, "viewers cannot change anything")
    return tenant


Writer = Annotated[Tenant, Depends(writer)]

M = TypeVar("M", bound=TenantOwned)


class TenantRepository(Generic[M]):
    """The base of tenant repositories: no query without the tenant, no row outside it."""

    model: type[M]

    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        self.session = session
        self.tenant = tenant

    def _select(self) -> Select[M]:
        """The only starting point for queries: already scoped to the tenant."""
        return select(self.model).where(self.model.org_id == self.tenant.org_id)

    async def get(self, id_: int) -> M | None:
        return await self.session.scalar(self._select().where(self.model.id == id_))

    def _add(self, **fields: Any) -> M:
        """New rows get the tenant from the context, never from the request body."""
        row = self.model(**fields, org_id=self.tenant.org_id)
        self.session.add(row)
        return row


class ProjectRepository(TenantRepository[Project]):
    model = Project

    async def list(self) -> list[Project]:
        return list(await self.session.scalars(self._select().order_by(Project.id)))

    def add(self, name: str) -> Project:
        return self._add(name=name)


class ProjectIn(BaseModel):
    name: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00]*$")


class ProjectOut(BaseModel):
    id: int
    name: str


def projects(session: Session, tenant: CurrentTenant) -> ProjectRepository:
    return ProjectRepository(session, tenant)


Projects = Annotated[ProjectRepository, Depends(projects)]


def create_app(engine: AsyncEngine) -> FastAPI:
    app = FastAPI()
    app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)

    @app.get("/plans")
    async def list_plans(session: Session) -> list[dict[str, Any]]:
        """Shared: the same answer for every caller, no tenant involved."""
        plans = await session.scalars(select(Plan).order_by(Plan.id))
        return [{"name": p.name, "max_projects": p.max_projects} for p in plans]

    @app.get("/orgs/{org_id}/projects")
    async def list_projects(repo: Projects) -> list[ProjectOut]:
        return [ProjectOut(id=p.id, name=p.name) for p in await repo.list()]

    @app.get("/orgs/{org_id}/projects/{project_id}")
    async def get_project(repo: Projects, project_id: Annotated[PgId, Path()]) -> ProjectOut:
        project = await repo.get(project_id)
        if project is None:  # another tenant's project is "not found" too
            raise HTTPException(404, "project not found")
        return ProjectOut(id=project.id, name=project.name)

    @app.post("/orgs/{org_id}/projects", status_code=201)
    async def create_project(body: ProjectIn, session: Session, tenant: Writer) -> ProjectOut:
        project = ProjectRepository(session, tenant).add(body.name)
        await session.commit()
        return ProjectOut(id=project.id, name=project.name)

    return app

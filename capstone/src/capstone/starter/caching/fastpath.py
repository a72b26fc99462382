"""The hot read without PostgreSQL: the caller's role and the page in one Redis round trip.

``RequireCaller`` decodes the token (no database); ``cached_page`` reads the caller's cached role
with the page (``PageCache.lookup``) and serves a hit without a connection; else it checks the
caller as ``RequireRole`` does and caches the role under the generation it read first. A
membership change bumps the generation: the role is gone with the pages ([ADR 0011](
../../../../docs/adr/0011-page-cache-generations.md): a lost bump, ``member_ttl`` at most).
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy.ext.asyncio import AsyncSession

from ..auth.dependencies import bearer
from ..auth.repository import UserRepository
from ..errors import AuthenticationError, PermissionDeniedError
from ..tenancy.base import scope_to_organisation
from ..tenancy.dependencies import OrgId, RequireRole, Tenant
from ..tenancy.models import Role
from .pages import PageCache

LoadFor = Callable[[Tenant], Awaitable[str]]


@dataclass(frozen=True)
class Caller:
    """A valid token's user asking for an organisation's data; not yet known to be a member."""

    org_id: int
    user_id: int
    required: Role


class RequireCaller:
    """``Depends(RequireCaller(Role.viewer))``: like ``RequireRole``, without the database."""

    def __init__(self, role: Role) -> None:
        self.role = role

    async def __call__(self, org_id: OrgId) -> Caller:
        raise NotImplementedError("task 14: RequireCaller")


async def cached_page(
    caller: Caller,
    session: AsyncSession,
    cache: PageCache,
    name: str,
    params: dict[str, Any],
    load: LoadFor,
) -> str:
    """The page, if the caller may see it: from Redis alone when role and page are cached."""
    raise NotImplementedError("task 14: cached_page")


ViewerCallerDep = Annotated[Caller, Depends(RequireCaller(Role.viewer))]

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


# BEGIN SOLUTION task 14: the token's user and the path's organisation, no database
@dataclass(frozen=True)
class Caller:
    """A valid token's user asking for an organisation's data; not yet known to be a member."""

    org_id: int
    user_id: int
    required: Role


class RequireCaller:
    """``Depends(RequireCaller(Role.viewer))``: the token's user and the path's organisation,
    without the database; ``cached_page`` checks the membership (``main.required_role`` reads
    ``role`` for the contract, as it does ``RequireRole``'s)."""

    def __init__(self, role: Role) -> None:
        self.role = role

    async def __call__(
        self,
        org_id: OrgId,
        request: Request,  # the codec and the clock from app.state: fewer dependencies to solve
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Caller:
        if credentials is None:
            raise AuthenticationError("This request needs a bearer token; log in first")
        user_id = getattr(request.state, "caller_id", None)  # the rate limiter decoded it
        if user_id is None:
            state = request.app.state
            user_id = state.tokens.decode_access(credentials.credentials, state.clock())
        return Caller(org_id, user_id, self.role)


# REPLACE WITH
# @dataclass(frozen=True)
# class Caller:
#     """A valid token's user asking for an organisation's data; not yet known to be a member."""
#
#     org_id: int
#     user_id: int
#     required: Role
#
#
# class RequireCaller:
#     """``Depends(RequireCaller(Role.viewer))``: like ``RequireRole``, without the database."""
#
#     def __init__(self, role: Role) -> None:
#         self.role = role
#
#     async def __call__(self, org_id: OrgId) -> Caller:
#         raise NotImplementedError("task 14: RequireCaller")
# END SOLUTION


async def cached_page(
    caller: Caller,
    session: AsyncSession,
    cache: PageCache,
    name: str,
    params: dict[str, Any],
    load: LoadFor,
) -> str:
    """The page, if the caller may see it: from Redis alone when role and page are cached."""
    # BEGIN SOLUTION task 14: one lookup; the cached role, else RequireRole's path and remember it
    found = await cache.lookup(caller.org_id, name, params, member=caller.user_id)
    if found.role is not None:
        role = Role(found.role)
        if not role.allows(caller.required):
            raise PermissionDeniedError(f"This needs the {caller.required} role; you are a {role}")
        tenant = Tenant(caller.org_id, caller.user_id, role)
        if found.page is not None:
            return found.page  # no PostgreSQL at all
        await scope_to_organisation(session, caller.org_id)
    else:
        user = await UserRepository(session).get(caller.user_id)
        if user is None:
            raise AuthenticationError("The token is invalid or has expired; log in again")
        tenant = await RequireRole(caller.required)(caller.org_id, user, session)
        await cache.remember_role(found, tenant.role.value)
        if found.page is not None:
            return found.page
    return await cache.fill(found, lambda: load(tenant))
    # REPLACE WITH
    # raise NotImplementedError("task 14: cached_page")
    # END SOLUTION


ViewerCallerDep = Annotated[Caller, Depends(RequireCaller(Role.viewer))]

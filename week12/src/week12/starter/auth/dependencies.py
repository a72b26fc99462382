"""Who is calling, and may they do this? The dependencies every protected route uses.

``get_principal`` turns the request's bearer token into the user, loaded from the database on
every request (a deactivated user or a changed role counts at once), and the token's scopes. It
runs once per request: the owned repositories (``owned.py``) and ``authorize`` both use it.
``authorize`` is the check a route declares with the scopes it needs:
``Security(authorize, scopes=["tasks:write"])`` (see ``READ``, ``WRITE``, ``AdminUser``).
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import OAuth2PasswordBearer, SecurityScopes

from ..dependencies import (
    ClockDep,
    GuardDep,
    PasswordsDep,
    SessionDep,
    SettingsDep,
    TokenCodecDep,
)
from ..errors import PermissionDeniedError
from ..users.models import User
from ..users.repository import UserRepository
from .denylist import DenyList
from .repository import LoginThrottle, RefreshTokenRepository
from .schemas import ROLE_SCOPES, SCOPES
from .service import AuthService
from .tokens import InvalidTokenError

# Documents the password flow in OpenAPI (the "Authorize" button of /docs) and reads the header.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", scopes=SCOPES)


@dataclass(frozen=True)
class Principal:
    """The caller: the user (as the database says now) and the scopes their token carries."""

    user: User
    scopes: frozenset[str]


async def get_user_repository(session: SessionDep) -> UserRepository:
    return UserRepository(session)


UserRepositoryDep = Annotated[UserRepository, Depends(get_user_repository)]


async def get_denylist(session: SessionDep, guard: GuardDep, settings: SettingsDep) -> DenyList:
    # An access token lives access_ttl (plus the leeway its check allows) after it was issued.
    lifetime = settings.access_ttl + settings.leeway
    return DenyList(guard, RefreshTokenRepository(session), lifetime)


DenyListDep = Annotated[DenyList, Depends(get_denylist)]


async def get_principal(
    request: Request,
    codec: TokenCodecDep,
    users: UserRepositoryDep,
    denylist: DenyListDep,
    clock: ClockDep,
) -> Principal:
    """The user of the request's access token; 401 for a missing or bad token, a revoked login
    (week 10), or a user that no longer exists or is deactivated."""
    # Called, not declared as a dependency: a dependency on the scheme would make FastAPI run
    # this once per set of scopes in the request (and load the user twice).
    token = await oauth2_scheme(request)  # 401 with WWW-Authenticate when missing
    claims = codec.decode_access(str(token))
    if await denylist.is_revoked(claims.login, clock()):
        raise InvalidTokenError
    user = await users.get(claims.user_id)
    if user is None or not user.is_active:
        raise InvalidTokenError
    return Principal(user, claims.scopes)


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def authorize(
    required: SecurityScopes,
    principal: PrincipalDep,
    _token: Annotated[str, Depends(oauth2_scheme)],  # puts the route's scopes in OpenAPI
) -> User:
    """The caller, if their token AND their current role grant every scope the route needs."""
    allowed = principal.scopes & ROLE_SCOPES[principal.user.role]
    if missing := sorted(set(required.scopes) - allowed):
        raise PermissionDeniedError(
            f"This needs the scope(s) {', '.join(missing)}", required.scopes
        )
    return principal.user


READ = Security(authorize, scopes=["tasks:read"])
WRITE = Security(authorize, scopes=["tasks:write"])
CurrentUser = Annotated[User, Security(authorize)]  # any valid token
AdminUser = Annotated[User, Security(authorize, scopes=["users:manage"])]


async def get_auth_service(
    session: SessionDep,
    users: UserRepositoryDep,
    passwords: PasswordsDep,
    codec: TokenCodecDep,
    settings: SettingsDep,
    clock: ClockDep,
    denylist: DenyListDep,
) -> AuthService:
    return AuthService(
        users, RefreshTokenRepository(session), LoginThrottle(session, settings.login_limits),
        passwords, codec, settings, clock, denylist,
    )  # fmt: skip


AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]

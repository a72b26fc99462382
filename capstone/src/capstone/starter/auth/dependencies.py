"""Who is calling: the bearer token's user, asked of the database on every request."""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..dependencies import ClockDep, SessionDep
from ..errors import AuthenticationError
from .models import User
from .passwords import Passwords
from .repository import UserRepository
from .service import AuthService
from .tokens import TokenCodec

bearer = HTTPBearer(auto_error=False)


async def get_token_codec(request: Request) -> TokenCodec:
    raise NotImplementedError("TODO: task 1")


async def get_passwords(request: Request) -> Passwords:
    raise NotImplementedError("TODO: task 1")


TokenCodecDep = Annotated[TokenCodec, Depends(get_token_codec)]


async def get_current_user(
    session: SessionDep,
    codec: TokenCodecDep,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    """The caller's account; 401 for a missing, invalid or expired token or a deleted user."""
    raise NotImplementedError("TODO: task 1: decode the bearer token, load the user; 401 otherwise")


async def get_auth_service(
    session: SessionDep,
    passwords: Annotated[Passwords, Depends(get_passwords)],
    codec: TokenCodecDep,
) -> AuthService:
    raise NotImplementedError("TODO: task 1")


CurrentUser = Annotated[User, Depends(get_current_user)]
AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]

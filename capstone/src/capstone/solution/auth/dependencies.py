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
    # BEGIN SOLUTION task 1
    codec: TokenCodec = request.app.state.tokens
    return codec
    # END SOLUTION


async def get_passwords(request: Request) -> Passwords:
    # BEGIN SOLUTION task 1
    passwords: Passwords = request.app.state.passwords
    return passwords
    # END SOLUTION


TokenCodecDep = Annotated[TokenCodec, Depends(get_token_codec)]


async def get_current_user(
    session: SessionDep,
    codec: TokenCodecDep,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    """The caller's account; 401 for a missing, invalid or expired token or a deleted user."""
    # BEGIN SOLUTION task 1: decode the bearer token, load the user; 401 otherwise
    if credentials is None:
        raise AuthenticationError("This request needs a bearer token; log in first")
    user_id = codec.decode_access(credentials.credentials, clock())
    user = await UserRepository(session).get(user_id)
    if user is None:
        raise AuthenticationError("The token is invalid or has expired; log in again")
    return user
    # END SOLUTION


async def get_auth_service(
    session: SessionDep,
    passwords: Annotated[Passwords, Depends(get_passwords)],
    codec: TokenCodecDep,
) -> AuthService:
    # BEGIN SOLUTION task 1
    return AuthService(session, passwords, codec)
    # END SOLUTION


CurrentUser = Annotated[User, Depends(get_current_user)]
AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]

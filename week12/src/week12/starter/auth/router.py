"""HTTP layer of authentication: register, the OAuth2 password flow, refresh, logout, me."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from ..problems import problem_responses
from ..users.schemas import UserCreate, UserRead
from .dependencies import AuthServiceDep, CurrentUser
from .schemas import RefreshRequest, TokenPair

router = APIRouter(prefix="/auth", tags=["auth"])
me_router = APIRouter(tags=["auth"])
# RFC 6749 section 5.1: responses with tokens must not be stored by any cache.
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class LoginForm(OAuth2PasswordRequestForm):
    """The OAuth2 password form with bounds: a username PostgreSQL can store (it becomes a
    throttle key), no megabyte passwords to hash. Out of bounds is a 422, never a 500."""

    def __init__(
        self,
        *,
        username: Annotated[str, Form(max_length=320, pattern=r"^[^\x00]+$")],
        password: Annotated[str, Form(max_length=1024, json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form(max_length=200)] = "",
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
    ) -> None:
        super().__init__(grant_type=grant_type, username=username, password=password, scope=scope)


@router.post(
    "/register", status_code=status.HTTP_201_CREATED, responses=problem_responses(400, 409, 422)
)
async def register(data: UserCreate, service: AuthServiceDep) -> UserRead:
    """A new account with the role ``user``; then log in at /auth/token."""
    return UserRead.model_validate(await service.register(data))


@router.post("/token", responses=problem_responses(401, 422, 429))
async def login(
    form: Annotated[LoginForm, Depends()],
    service: AuthServiceDep,
    request: Request,
    response: Response,
) -> TokenPair:
    """The OAuth2 password flow: ``username`` (your e-mail), ``password``, optional ``scope``."""
    address = request.client.host if request.client else "unknown"
    pair = await service.login(form.username, form.password, address, form.scopes)
    response.headers.update(NO_STORE)
    return pair


@router.post("/refresh", responses=problem_responses(400, 401, 422))
async def refresh(data: RefreshRequest, service: AuthServiceDep, response: Response) -> TokenPair:
    """A new token pair for a refresh token, which is spent: use the new one next time."""
    pair = await service.refresh(data.refresh_token)
    response.headers.update(NO_STORE)
    return pair


@router.post(
    "/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(400, 401, 422)
)
async def logout(data: RefreshRequest, service: AuthServiceDep) -> None:
    """Revoke this login's refresh tokens. Access tokens live on until they expire (minutes)."""
    await service.logout(data.refresh_token)


@me_router.get("/me", responses=problem_responses(401))
async def me(user: CurrentUser) -> UserRead:
    """The user of the access token."""
    return UserRead.model_validate(user)

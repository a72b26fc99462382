"""``/auth``: register, log in, refresh, log out; ``/users/me``."""

from fastapi import APIRouter, status

from ..dependencies import ClockDep
from ..problems import problem_responses
from .dependencies import AuthServiceDep, CurrentUser
from .schemas import Credentials, Login, RefreshRequest, TokenPair, UserOut

router = APIRouter(tags=["auth"])


# BEGIN SOLUTION
@router.post(
    "/auth/register", status_code=status.HTTP_201_CREATED, responses=problem_responses(409, 422)
)
async def register(body: Credentials, service: AuthServiceDep) -> UserOut:
    return UserOut.model_validate(await service.register(body))


# REPLACE WITH
# # TODO (task 1): the route POST /auth/register
# END SOLUTION


# BEGIN SOLUTION
@router.post("/auth/login", responses=problem_responses(401, 422))
async def login(body: Login, service: AuthServiceDep, clock: ClockDep) -> TokenPair:
    return await service.login(body, clock())


# REPLACE WITH
# # TODO (task 1): the route POST /auth/login
# END SOLUTION


# BEGIN SOLUTION
@router.post("/auth/refresh", responses=problem_responses(401, 422))
async def refresh(body: RefreshRequest, service: AuthServiceDep, clock: ClockDep) -> TokenPair:
    """A new token pair; the refresh token sent is used up. Sending it again revokes the family."""
    return await service.refresh(body.refresh_token, clock())


# REPLACE WITH
# # TODO (task 1): the route POST /auth/refresh
# END SOLUTION


# BEGIN SOLUTION
@router.post(
    "/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 422)
)
async def logout(body: RefreshRequest, service: AuthServiceDep, clock: ClockDep) -> None:
    await service.logout(body.refresh_token, clock())


# REPLACE WITH
# # TODO (task 1): the route POST /auth/logout
# END SOLUTION


# BEGIN SOLUTION
@router.get("/users/me", responses=problem_responses(401))
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)


# REPLACE WITH
# # TODO (task 1): the route GET /users/me
# END SOLUTION

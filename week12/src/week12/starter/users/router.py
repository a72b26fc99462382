"""HTTP layer of user administration (admins only: the ``users:manage`` scope)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from ..auth.dependencies import AdminUser, UserRepositoryDep
from ..auth.repository import RefreshTokenRepository
from ..dependencies import ClockDep, SessionDep
from ..problems import problem_responses
from .schemas import UserRead, UserUpdate
from .service import UserAdminService

router = APIRouter(prefix="/admin/users", tags=["admin"])
UserId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The user's id")]


async def get_user_admin_service(
    session: SessionDep, users: UserRepositoryDep, clock: ClockDep
) -> UserAdminService:
    return UserAdminService(users, RefreshTokenRepository(session), clock)


UserAdminServiceDep = Annotated[UserAdminService, Depends(get_user_admin_service)]


@router.get("", responses=problem_responses(422))
async def list_users(
    admin: AdminUser,
    service: UserAdminServiceDep,
    after_id: Annotated[int, Query(ge=0, le=2**31 - 1, description="Ids after this one")] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> list[UserRead]:
    return [UserRead.model_validate(user) for user in await service.list_page(after_id, limit)]


@router.get("/{user_id}", responses=problem_responses(404, 422))
async def get_user(user_id: UserId, admin: AdminUser, service: UserAdminServiceDep) -> UserRead:
    return UserRead.model_validate(await service.get(user_id))


@router.patch("/{user_id}", responses=problem_responses(400, 404, 409, 422))
async def update_user(
    user_id: UserId, data: UserUpdate, admin: AdminUser, service: UserAdminServiceDep
) -> UserRead:
    """Change a user's role or deactivate them (their tokens stop working at once)."""
    return UserRead.model_validate(await service.update(admin, user_id, data))

"""Business rules of user administration: list, change a role, deactivate."""

from collections.abc import Callable
from datetime import datetime

from ..auth.repository import RefreshTokenRepository
from .exceptions import SelfLockoutError, UserNotFoundError
from .models import Role, User
from .repository import UserRepository
from .schemas import UserUpdate


class UserAdminService:
    def __init__(
        self,
        users: UserRepository,
        refresh_tokens: RefreshTokenRepository,
        clock: Callable[[], datetime],
    ) -> None:
        self.users = users
        self.refresh_tokens = refresh_tokens
        self.clock = clock

    async def list_page(self, after_id: int, limit: int) -> list[User]:
        return await self.users.list_page(after_id, limit)

    async def get(self, user_id: int) -> User:
        user = await self.users.get(user_id)
        if user is None:
            raise UserNotFoundError(user_id)
        return user

    async def update(self, admin: User, user_id: int, data: UserUpdate) -> User:
        """Change role and/or active flag. Deactivating revokes every refresh token of the user;
        their access tokens fail at once too, since each request loads the user."""
        user = await self.get(user_id)
        changes = data.model_dump(exclude_unset=True)
        demoted = changes.get("role", user.role) != Role.ADMIN
        if user.id == admin.id and (demoted or changes.get("is_active") is False):
            raise SelfLockoutError
        if changes.get("is_active") is False:
            await self.refresh_tokens.revoke_user(user.id, self.clock())
        return await self.users.update(user, changes)

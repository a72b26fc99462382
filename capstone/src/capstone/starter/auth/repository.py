"""Database access of users and refresh tokens."""

import uuid
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from .models import RefreshToken, User
from .tokens import RefreshClaims


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # TODO (task 1): add a user, get one by id, find one by e-mail address ignoring case


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # TODO (task 1): store a refresh token, use one (ONE conditional UPDATE: True only
    # for the request that rotates it), revoke a family

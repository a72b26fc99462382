"""What authentication remembers: issued refresh tokens and failed logins.

``refresh_tokens`` holds one row per refresh token ever issued (its ``jti``, never the token),
grouped in families: a family starts at a login, and each rotation adds its next member. A row is
spent once (``used_at``); a family is revoked as a whole (``revoked_at`` on all its rows).

``login_failures`` counts failed logins per key (an account, a client address) in a window.
"""

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"

    jti: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # TODO: family_id, user_id, issued_at, expires_at, used_at, revoked_at


class LoginFailure(Base):
    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)  # "account:..." / "address:..."
    # TODO: failures, window_started_at, locked_until

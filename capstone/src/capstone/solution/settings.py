"""The app's settings: one frozen object, read from the environment once, passed to ``create_app``.

Secrets have no default that works in production: with ``APP_ENV=production`` the app refuses to
start without ``JWT_SECRET``. In development a missing secret is generated at start-up (tokens then
die with the process), so ``make run`` needs no set-up.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta


class SettingsError(Exception):
    """A setting is missing or invalid; the message says which and how to fix it."""


@dataclass(frozen=True)
class PasswordCost:
    """Argon2id parameters: pwdlib's recommended ones by default; tests pass cheap ones."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEV_REDIS_URL = "redis://127.0.0.1:63799/0"  # `make services-up`; REDIS_URL overrides it


@dataclass(frozen=True)
class Settings:
    jwt_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    cursor_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    issuer: str = "https://projects.example"
    audience: str = "projects-api"
    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=14)
    invitation_ttl: timedelta = timedelta(days=7)
    password_cost: PasswordCost = PasswordCost()
    redis_url: str = DEV_REDIS_URL  # part 2: real-time events, the cache, rate limits, Celery

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """``JWT_SECRET``, ``CURSOR_SECRET`` and ``APP_ENV`` (``production`` requires both);
        ``REDIS_URL``."""
        # BEGIN SOLUTION task 0: secrets from the environment
        env = dict(os.environ if environ is None else environ)
        missing = [name for name in ("JWT_SECRET", "CURSOR_SECRET") if not env.get(name)]
        if env.get("APP_ENV") == "production" and missing:
            raise SettingsError(f"APP_ENV=production needs {' and '.join(missing)} to be set")
        defaults = cls()
        return cls(
            jwt_secret=env.get("JWT_SECRET", "").encode() or defaults.jwt_secret,
            cursor_secret=env.get("CURSOR_SECRET", "").encode() or defaults.cursor_secret,
            redis_url=env.get("REDIS_URL") or DEV_REDIS_URL,
        )
        # END SOLUTION

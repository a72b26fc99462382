"""The app's settings: one frozen object, read from the environment once, passed to ``create_app``.

Secrets never have defaults that work in production: with ``APP_ENV=production`` the app refuses
to start without its signing key and cursor secret. In development a missing key is generated at
start-up (tokens then die with the process), so ``make run`` needs no set-up.

Week 10: where Redis is and how long to wait for it (``REDIS_URL``), how long cached reads live
and whether to cache at all (``CACHE_ENABLED=0`` turns the read cache off: a baseline to
measure against, and a switch for an emergency), and GitHub for the issue previews
(``GITHUB_TOKEN``).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from .caching.read_cache import CachePolicy
from .caching.redis_client import DEV_REDIS_URL, RedisSettings


class SettingsError(Exception):
    """A setting is missing or invalid; the message says which and how to fix it."""


def new_signing_key() -> str:
    """A fresh RSA private key (PEM). Production loads one from a secret store instead."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@dataclass(frozen=True)
class PasswordCost:
    """Argon2id parameters: pwdlib's recommended ones by default; tests pass cheap ones."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


@dataclass(frozen=True)
class LoginLimits:
    """Failed logins allowed per window, per account and per client address, then a lockout."""

    per_account: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class GitHubSettings:
    url: str = "https://api.github.com"
    token: str | None = None  # without one, GitHub allows 60 requests an hour per address
    timeout: float = 5.0
    max_attempts: int = 3


@dataclass(frozen=True)
class Settings:
    signing_key: str  # PEM of the RS256 private key; the public half is served as a JWKS
    key_id: str = "task-manager-1"
    issuer: str = "https://task-manager.example"
    audience: str = "task-manager-api"
    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=14)
    leeway: timedelta = timedelta(seconds=10)  # clock skew tolerated between servers
    cors_origins: tuple[str, ...] = ("http://localhost:5173",)
    cursor_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    password_cost: PasswordCost = PasswordCost()
    login_limits: LoginLimits = LoginLimits()
    redis: RedisSettings = field(default_factory=RedisSettings)
    cache: CachePolicy = field(default_factory=CachePolicy)  # the task lists and pages
    stats_ttl: int = 60  # the statistics: "overdue" changes with the date, not only with writes
    github: GitHubSettings = GitHubSettings()
    # Week 11: the Celery broker, whose queue lengths the admin's pipeline report shows.
    broker_url: str = "redis://127.0.0.1:63799/1"
    # Week 12: how long a new WebSocket may stay silent before its first (authenticating) message.
    ws_auth_timeout: float = 5.0
    ws_idle_timeout: float = 60.0  # and between two messages (clients ping more often than that)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """``JWT_PRIVATE_KEY`` (PEM), ``CURSOR_SECRET``, ``CORS_ORIGINS`` (comma-separated),
        ``APP_ENV`` (``production`` makes the first two required), ``REDIS_URL``,
        ``CACHE_ENABLED`` (``0`` turns the read cache off), ``GITHUB_URL``, ``GITHUB_TOKEN``, ``WEEK12_BROKER_URL``."""
        env = dict(os.environ if environ is None else environ)
        production = env.get("APP_ENV") == "production"
        missing = [name for name in ("JWT_PRIVATE_KEY", "CURSOR_SECRET") if not env.get(name)]
        if production and missing:
            raise SettingsError(f"APP_ENV=production needs {' and '.join(missing)} to be set")
        origins = tuple(o.strip() for o in env.get("CORS_ORIGINS", "").split(",") if o.strip())
        return cls(
            signing_key=env.get("JWT_PRIVATE_KEY") or new_signing_key(),
            cors_origins=origins or cls.cors_origins,
            cursor_secret=env.get("CURSOR_SECRET", "").encode() or secrets.token_bytes(32),
            redis=RedisSettings(url=env.get("REDIS_URL") or DEV_REDIS_URL),
            cache=CachePolicy(enabled=env.get("CACHE_ENABLED", "1") != "0"),
            github=GitHubSettings(
                url=env.get("GITHUB_URL") or GitHubSettings.url,
                token=env.get("GITHUB_TOKEN") or None,
            ),
            broker_url=env.get("WEEK12_BROKER_URL") or cls.broker_url,
        )

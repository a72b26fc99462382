"""The app's settings (pydantic-settings): one frozen, typed, validated object, read from the
environment at start-up (``Settings.from_env()``). ``APP_ENV`` unset is production's rules: the
secrets are required and ``.env`` is never read; only ``APP_ENV=development`` reads ``.env`` and
generates missing secrets (deploy/README.md, "In the capstone", says why). A new setting: a typed
field (its variable is its name in capitals); a secret is a ``SecretStr``, scrubbed by sentry.py.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import (
    RedisDsn,
    SecretStr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict


class SettingsError(Exception):
    """A setting is missing or invalid; the message says which and how to fix it."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    STAGING = "staging"  # production's rules: staging finds what production would refuse
    PRODUCTION = "production"


@dataclass(frozen=True)
class PasswordCost:
    """Argon2id parameters: pwdlib's recommended ones by default; tests pass cheap ones."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEV_REDIS_URL = "redis://127.0.0.1:63799/0"  # `make services-up`; REDIS_URL overrides it
SECRETS = ("jwt_secret", "cursor_secret")  # required outside development
MIN_SECRET_LENGTH = 32  # an HMAC key shorter than this can be brute-forced from one token
HOW_TO_MAKE_ONE = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
REDIS_URL = TypeAdapter(RedisDsn)


class Settings(BaseSettings):
    """``Settings(...)`` takes values as arguments (tests, tools) and reads the rest from the
    environment; ``Settings.from_env()`` is how the app starts."""

    # No .env here: from_env reads it, in development only. extra="ignore": a .env may hold
    # other tools' variables.
    model_config = SettingsConfigDict(frozen=True, extra="ignore", env_file=None)

    app_env: Environment = Environment.PRODUCTION  # APP_ENV: unset is production's rules
    jwt_secret: SecretStr  # required, but generated in development (see below)
    cursor_secret: SecretStr
    issuer: str = "https://projects.example"
    audience: str = "projects-api"
    access_ttl: timedelta = timedelta(minutes=15)  # ISO 8601 in the environment: PT15M
    refresh_ttl: timedelta = timedelta(days=14)
    invitation_ttl: timedelta = timedelta(days=7)
    password_cost: PasswordCost = PasswordCost()  # JSON in PASSWORD_COST
    redis_url: str = DEV_REDIS_URL  # part 2: real-time events, the cache, rate limits, Celery
    sentry_dsn: SecretStr | None = None  # errors reported there (sentry.py); off when unset

    @model_validator(mode="before")
    @classmethod
    def development_makes_missing_secrets(cls, values: Any) -> Any:
        """In development only, a missing (or empty) secret is generated; elsewhere it stays
        missing, and validation says so."""
        # BEGIN SOLUTION task 0: random secrets in development only
        if isinstance(values, dict) and values.get("app_env") == Environment.DEVELOPMENT:
            for name in SECRETS:
                if not values.get(name):
                    values = {**values, name: secrets.token_urlsafe(MIN_SECRET_LENGTH)}
        return values
        # REPLACE WITH
        # return values  # TODO (task 0): generate a missing secret in development only
        # END SOLUTION

    @field_validator(*SECRETS)
    @classmethod
    def long_enough(cls, secret: SecretStr) -> SecretStr:
        # BEGIN SOLUTION task 0: secrets of at least MIN_SECRET_LENGTH characters
        if len(secret.get_secret_value()) < MIN_SECRET_LENGTH:
            raise ValueError(f"must be at least {MIN_SECRET_LENGTH} characters: {HOW_TO_MAKE_ONE}")
        return secret
        # REPLACE WITH
        # return secret  # TODO (task 0): refuse a secret shorter than MIN_SECRET_LENGTH
        # END SOLUTION

    @field_validator("redis_url")
    @classmethod
    def a_redis_url(cls, url: str) -> str:
        # BEGIN SOLUTION task 0: a redis:// or rediss:// URL, kept as a string
        try:
            REDIS_URL.validate_python(url)
        except ValidationError:
            raise ValueError("must be a redis:// or rediss:// URL") from None
        return url
        # REPLACE WITH
        # return url  # TODO (task 0): refuse what is not a Redis URL
        # END SOLUTION

    @classmethod
    def from_env(cls, env_file: Path = Path(".env")) -> Settings:
        """The settings of this process: its environment, plus ``env_file`` when ``APP_ENV``
        (in the environment, not in the file) is ``development``; or ``SettingsError``."""
        # BEGIN SOLUTION task 0: .env in development only, errors without values
        development = os.environ.get("APP_ENV") == Environment.DEVELOPMENT
        try:
            return cls(_env_file=env_file if development else None)
        except ValidationError as exc:
            # `from None`: a chained ValidationError would print the values, secrets included.
            raise SettingsError(describe(exc)) from None
        # REPLACE WITH
        # raise NotImplementedError("TODO: task 0: settings from the environment")
        # END SOLUTION

    def secret_values(self) -> list[str]:
        """The value of every ``SecretStr`` setting: what must never leave the process."""
        # BEGIN SOLUTION task 11: every field's value that is a SecretStr
        return [
            value.get_secret_value()
            for _, value in self
            if isinstance(value, SecretStr) and value.get_secret_value()
        ]
        # REPLACE WITH
        # return []  # TODO (task 11): the values of the SecretStr settings
        # END SOLUTION


def describe(exc: ValidationError) -> str:
    """One line per problem: the variable and what is wrong with it, never the value it had
    (pydantic's own message repeats the input, which for a secret is the secret)."""
    # BEGIN SOLUTION task 0: the variable and the message, never the input
    environment = os.environ.get("APP_ENV") or f"{Environment.PRODUCTION} (APP_ENV is unset)"
    lines = [f"invalid settings for {environment}:"]
    for error in exc.errors(include_input=False, include_url=False):
        variable = str(error["loc"][0]).upper() if error["loc"] else "(settings)"
        if error["type"] == "missing":
            message = "is missing (only APP_ENV=development generates secrets)"
        elif error["type"] == "value_error":  # our validators' words, without "Value error, "
            message = str(error["ctx"]["error"])
        else:
            message = error["msg"]
        lines.append(f"  {variable}: {message}")
    return "\n".join(lines)
    # REPLACE WITH
    # raise NotImplementedError("TODO: task 0: one line per variable, never its value")
    # END SOLUTION

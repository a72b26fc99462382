"""12-factor configuration with pydantic-settings (lecture W15.L2).

The environment is the only source of configuration in staging and production; a ``.env`` file is
a convenience of development and is read there only. ``load_settings()`` picks the class for
``APP_ENV`` and fails fast, before the app serves anything, with a message that names each bad
variable and never repeats its value (pydantic's own message would print the input: a secret).

    uv run python -m deploy.lectures.config
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal
from unittest import mock

from pydantic import (
    Field,
    PostgresDsn,
    RedisDsn,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

PREFIX = "APP_"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    STAGING = "staging"
    PRODUCTION = "production"


class ConfigError(Exception):
    """The configuration is missing or malformed; the message lists each variable, without values."""


class Settings(BaseSettings):
    """What every environment needs. No secret has a default: a forgotten one stops the start."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, extra="ignore", frozen=True)

    env: Environment
    database_url: PostgresDsn
    redis_url: RedisDsn
    broker_url: RedisDsn | None = None  # Celery's broker; the same Redis when unset
    jwt_secret: SecretStr
    sentry_dsn: SecretStr | None = None  # its key part is a credential too
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_json: bool = True  # machines read production logs; people read development's
    debug: bool = False
    ready_timeout: float = Field(default=1.0, gt=0, le=10)  # each /ready check's budget, seconds

    @field_validator("jwt_secret")
    @classmethod
    def long_enough(cls, secret: SecretStr) -> SecretStr:
        # A short HMAC key can be brute-forced offline from a single token.
        if len(secret.get_secret_value()) < 32:
            raise ValueError(
                "must be at least 32 characters: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        return secret


class DevelopmentSettings(Settings):
    """Development: ``.env`` is read, the local services (``make services-up``) are the default."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8")

    env: Environment = Environment.DEVELOPMENT
    database_url: PostgresDsn = PostgresDsn("postgresql://postgres@127.0.0.1:54329/course")
    redis_url: RedisDsn = RedisDsn("redis://127.0.0.1:63799/0")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "DEBUG"
    log_json: bool = False


class StagingSettings(Settings):
    """Staging: production's rules, so staging finds what production would refuse."""

    env: Environment = Environment.STAGING


class ProductionSettings(Settings):
    env: Environment = Environment.PRODUCTION

    @model_validator(mode="after")
    def production_rules(self) -> ProductionSettings:
        if self.debug:
            raise ValueError("debug must be off in production (tracebacks would reach clients)")
        if self.sentry_dsn is None:
            raise ValueError("sentry_dsn is required in production (errors must reach someone)")
        if not self.log_json:
            raise ValueError("log_json must be on in production (the log pipeline parses JSON)")
        return self


BY_ENVIRONMENT: dict[Environment, type[Settings]] = {
    Environment.DEVELOPMENT: DevelopmentSettings,
    Environment.STAGING: StagingSettings,
    Environment.PRODUCTION: ProductionSettings,
}


def load_settings(*, env_file: Path | None = None) -> Settings:
    """The settings for ``APP_ENV`` (development when unset) from the environment, or ``ConfigError``.

    ``env_file`` replaces development's ``.env``; the other environments never read one.
    """
    name = os.environ.get(f"{PREFIX}ENV", Environment.DEVELOPMENT.value)
    try:
        environment = Environment(name)
    except ValueError:
        choices = ", ".join(e.value for e in Environment)
        raise ConfigError(f"{PREFIX}ENV={name!r} is not one of {choices}") from None
    options: dict[str, Any] = {"_env_file": None}  # staging and production: the environment only
    if environment is Environment.DEVELOPMENT:
        options["_env_file"] = env_file or Path(".env")
    try:
        return BY_ENVIRONMENT[environment](**options)
    except ValidationError as exc:
        # `from None`: the ValidationError would print the values, secrets included, in a traceback.
        raise ConfigError(describe(exc, environment)) from None


def describe(exc: ValidationError, environment: Environment) -> str:
    """One line per problem: the variable and what is wrong, never the value it had."""
    lines = [f"invalid configuration for {environment.value}:"]
    for error in exc.errors(include_input=False, include_url=False):
        field = "_".join(str(part) for part in error["loc"])
        variable = f"{PREFIX}{field.upper()}" if field else "(settings)"
        if error["type"] == "missing":
            message = "is missing"
        elif error["type"] == "value_error":  # our validators' own words, without "Value error, "
            message = str(error["ctx"]["error"])
        else:
            message = error["msg"]
        lines.append(f"  {variable}: {message}")
    return "\n".join(lines)


def public_view(settings: Settings) -> dict[str, str]:
    """What is safe to log at start-up: every setting, secrets masked by ``SecretStr``."""
    return {name: str(value) for name, value in settings}


def main() -> None:
    environ = {
        "APP_ENV": "production",
        "APP_DATABASE_URL": "postgresql://app@db.internal:5432/app",
        "APP_REDIS_URL": "redis://cache.internal:6379/0",
        "APP_JWT_SECRET": "s3cr3t-" * 6,  # made up, and printed nowhere below
        "APP_SENTRY_DSN": "https://key@o1.ingest.sentry.io/1",
    }
    with mock.patch.dict(os.environ, environ, clear=True):  # the demo's own environment
        for name, value in public_view(load_settings()).items():
            print(f"{name} = {value}")
    short_secret = {k: v for k, v in environ.items() if k != "APP_REDIS_URL"}
    short_secret["APP_JWT_SECRET"] = "short-but-secret"  # noqa: S105
    for broken in (short_secret, {**environ, "APP_DEBUG": "1"}):
        with mock.patch.dict(os.environ, broken, clear=True):
            try:
                load_settings()
            except ConfigError as exc:
                print(exc)


if __name__ == "__main__":
    main()

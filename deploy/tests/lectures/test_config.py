"""pydantic-settings per environment: typed, validated, fail-fast, secrets never shown."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from deploy.lectures.config import (
    ConfigError,
    DevelopmentSettings,
    Environment,
    ProductionSettings,
    StagingSettings,
    load_settings,
    public_view,
)
from pydantic import SecretStr

from .conftest import SECRET

PRODUCTION = {
    "APP_ENV": "production",
    "APP_DATABASE_URL": "postgresql://app@db.internal:5432/app",
    "APP_REDIS_URL": "redis://cache.internal:6379/0",
    "APP_JWT_SECRET": SECRET,
    "APP_SENTRY_DSN": "https://key@o1.ingest.sentry.io/1",
}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Nothing of the machine's own APP_* variables or .env reaches a test."""
    for name in [*PRODUCTION, "APP_DEBUG", "APP_LOG_JSON", "APP_LOG_LEVEL", "APP_READY_TIMEOUT"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def set_env(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> None:
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_production_reads_typed_values_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_env(monkeypatch, {**PRODUCTION, "APP_READY_TIMEOUT": "0.5"})
    settings = load_settings()
    assert isinstance(settings, ProductionSettings)
    assert settings.env is Environment.PRODUCTION
    assert settings.database_url.hosts()[0]["host"] == "db.internal"
    assert settings.ready_timeout == 0.5  # a string in the environment, a float here
    assert settings.jwt_secret.get_secret_value() == SECRET


@pytest.mark.parametrize("missing", ["APP_JWT_SECRET", "APP_DATABASE_URL", "APP_SENTRY_DSN"])
def test_a_missing_setting_stops_the_start_and_is_named(
    monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    set_env(monkeypatch, {k: v for k, v in PRODUCTION.items() if k != missing})
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert missing in str(caught.value) or "sentry_dsn is required" in str(caught.value)
    assert caught.value.__suppress_context__  # no ValidationError (with the values) chained


def test_a_malformed_secret_is_named_and_its_value_never_printed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    short = "tooShort-but-still-SECRET-42"
    set_env(monkeypatch, {**PRODUCTION, "APP_JWT_SECRET": short, "APP_REDIS_URL": "not a url"})
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "APP_JWT_SECRET: must be at least 32 characters" in message
    assert "APP_REDIS_URL:" in message
    assert short not in message
    assert "not a url" not in message


def test_secrets_are_masked_in_repr_str_dumps_and_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    set_env(monkeypatch, PRODUCTION)
    settings = load_settings()
    logging.getLogger("app").warning("starting with %s (%r)", public_view(settings), settings)
    shown = [repr(settings), str(settings), str(settings.model_dump()), caplog.text]
    assert all(SECRET not in text for text in shown)
    assert public_view(settings)["jwt_secret"] == "*" * 10
    assert isinstance(settings.jwt_secret, SecretStr)


@pytest.mark.parametrize(
    ("override", "rule"),
    [({"APP_DEBUG": "true"}, "debug must be off"), ({"APP_LOG_JSON": "0"}, "log_json must be on")],
)
def test_production_refuses_development_conveniences(
    monkeypatch: pytest.MonkeyPatch, override: dict[str, str], rule: str
) -> None:
    set_env(monkeypatch, {**PRODUCTION, **override})
    with pytest.raises(ConfigError, match=rule):
        load_settings()


def test_staging_needs_no_sentry_but_every_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    staging = {**PRODUCTION, "APP_ENV": "staging"}
    del staging["APP_SENTRY_DSN"]
    set_env(monkeypatch, staging)
    assert isinstance(load_settings(), StagingSettings)
    monkeypatch.delenv("APP_JWT_SECRET")
    with pytest.raises(ConfigError, match="APP_JWT_SECRET: is missing"):
        load_settings()


def test_development_reads_dot_env_and_has_local_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    Path(".env").write_text(f"APP_JWT_SECRET={SECRET}\nAPP_LOG_LEVEL=WARNING\n", encoding="utf-8")
    settings = load_settings()
    assert isinstance(settings, DevelopmentSettings)
    assert settings.jwt_secret.get_secret_value() == SECRET
    assert settings.log_level == "WARNING"
    assert settings.redis_url.port == 63799  # make services-up's Redis
    assert not settings.log_json
    monkeypatch.setenv("APP_LOG_LEVEL", "ERROR")  # the environment wins over the file
    assert load_settings().log_level == "ERROR"


@pytest.mark.parametrize("env", ["staging", "production"])
def test_other_environments_never_read_dot_env(monkeypatch: pytest.MonkeyPatch, env: str) -> None:
    Path(".env").write_text(f"APP_JWT_SECRET={SECRET}\n", encoding="utf-8")
    set_env(monkeypatch, {k: v for k, v in PRODUCTION.items() if k != "APP_JWT_SECRET"})
    monkeypatch.setenv("APP_ENV", env)
    with pytest.raises(ConfigError, match="APP_JWT_SECRET: is missing"):
        load_settings()


def test_an_unknown_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_ENV", "prod")
    with pytest.raises(ConfigError, match="'prod' is not one of development, staging, production"):
        load_settings()

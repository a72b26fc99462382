"""Settings from the environment (pydantic-settings): typed and validated, production's rules
unless ``APP_ENV=development`` says otherwise, and errors that name the variable, never its value."""

from datetime import timedelta
from pathlib import Path

import pytest

from testkit import impl_module

settings = impl_module("capstone", "settings")
pytestmark = pytest.mark.task(0)

JWT = "j" * 40
CURSOR = "c" * 40
VARIABLES = ("APP_ENV", "JWT_SECRET", "CURSOR_SECRET", "REDIS_URL", "ACCESS_TTL", "SENTRY_DSN")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Nothing of the machine's own variables or .env reaches a test."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def failure(monkeypatch: pytest.MonkeyPatch, **environ: str) -> str:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(settings.SettingsError) as caught:
        settings.Settings.from_env()
    assert caught.value.__suppress_context__  # no ValidationError, with the values, chained
    return str(caught.value)


@pytest.mark.parametrize("app_env", [None, "production", "staging"])
def test_outside_development_the_secrets_are_required(
    monkeypatch: pytest.MonkeyPatch, app_env: str | None
) -> None:
    """Unset APP_ENV is production's rules: a forgotten APP_ENV stops the start."""
    message = failure(monkeypatch, **({"APP_ENV": app_env} if app_env else {}))
    assert "JWT_SECRET: is missing" in message
    assert "CURSOR_SECRET: is missing" in message
    assert ("APP_ENV is unset" in message) is (app_env is None)
    monkeypatch.setenv("JWT_SECRET", JWT)
    monkeypatch.setenv("CURSOR_SECRET", CURSOR)
    given = settings.Settings.from_env()
    assert given.app_env == (app_env or "production")
    assert (given.jwt_secret.get_secret_value(), given.cursor_secret.get_secret_value()) == (
        JWT,
        CURSOR,
    )


def test_development_generates_missing_secrets_per_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("APP_ENV", "development")
    first, second = settings.Settings.from_env(), settings.Settings.from_env()
    assert first.jwt_secret != second.jwt_secret
    assert len(first.cursor_secret.get_secret_value()) >= settings.MIN_SECRET_LENGTH


def test_a_malformed_value_is_named_and_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    short = "short-but-SECRET-value"
    message = failure(
        monkeypatch,
        APP_ENV="development",
        JWT_SECRET=short,
        REDIS_URL="http://cache.internal:6379/0",
        ACCESS_TTL="fifteen minutes",
    )
    assert "JWT_SECRET: must be at least 32 characters" in message
    assert "REDIS_URL: must be a redis:// or rediss:// URL" in message
    assert "ACCESS_TTL:" in message
    assert "CURSOR_SECRET" not in message  # generated: development
    assert short not in message
    assert "cache.internal" not in message


def test_an_unknown_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    message = failure(monkeypatch, APP_ENV="prod", JWT_SECRET=JWT, CURSOR_SECRET=CURSOR)
    assert "APP_ENV: Input should be 'development', 'staging' or 'production'" in message


def test_values_are_typed_and_secrets_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"JWT_SECRET": JWT, "CURSOR_SECRET": CURSOR, "ACCESS_TTL": "PT15M"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("REDIS_URL", "redis://cache.internal:6379/2")
    given = settings.Settings.from_env()
    assert given.access_ttl == timedelta(minutes=15)  # a string in the environment
    assert given.redis_url == "redis://cache.internal:6379/2"
    assert given.sentry_dsn is None
    shown = [repr(given), str(given), str(given.model_dump())]
    assert all(JWT not in text and CURSOR not in text for text in shown)
    assert given.secret_values() == [JWT, CURSOR]


def test_redis_defaults_to_the_dev_server() -> None:
    given = settings.Settings(jwt_secret=JWT, cursor_secret=CURSOR)
    assert given.redis_url == settings.DEV_REDIS_URL


@pytest.mark.parametrize("app_env", ["development", "production"])
def test_dot_env_is_read_in_development_only(monkeypatch: pytest.MonkeyPatch, app_env: str) -> None:
    Path(".env").write_text(f"JWT_SECRET={JWT}\nCURSOR_SECRET={CURSOR}\n", encoding="utf-8")
    monkeypatch.setenv("APP_ENV", app_env)
    if app_env == "production":
        assert "JWT_SECRET: is missing" in failure(monkeypatch)
        return
    assert settings.Settings.from_env().jwt_secret.get_secret_value() == JWT
    monkeypatch.setenv("JWT_SECRET", "e" * 40)  # the environment wins over the file
    assert settings.Settings.from_env().jwt_secret.get_secret_value() == "e" * 40

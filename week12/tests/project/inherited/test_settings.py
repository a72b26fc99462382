"""Inherited guard (0 points) under task 3: week 12 adds the socket's timeouts to the settings
(week 11 the broker URL, ``WEEK12_BROKER_URL``); the rest must read the environment as before.

Settings come from the environment, and production never runs on a made-up secret."""

import pytest

from testkit import impl_module

pytestmark = [pytest.mark.task(3), pytest.mark.points(0)]  # inherited: a guard, no points

settings_module = impl_module("week12", "settings")


def test_production_refuses_to_start_without_its_secrets() -> None:
    with pytest.raises(settings_module.SettingsError, match="JWT_PRIVATE_KEY and CURSOR_SECRET"):
        settings_module.Settings.from_env({"APP_ENV": "production"})
    with pytest.raises(settings_module.SettingsError, match="CURSOR_SECRET"):
        settings_module.Settings.from_env({"APP_ENV": "production", "JWT_PRIVATE_KEY": "pem"})


def test_the_environment_sets_key_secret_and_origins(signing_key: str) -> None:
    settings = settings_module.Settings.from_env({
        "APP_ENV": "production", "JWT_PRIVATE_KEY": signing_key, "CURSOR_SECRET": "s3cret",
        "CORS_ORIGINS": "https://app.example, https://admin.example,",
    })  # fmt: skip

    assert settings.signing_key == signing_key
    assert settings.cursor_secret == b"s3cret"
    assert settings.cors_origins == ("https://app.example", "https://admin.example")


def test_development_makes_a_key_and_a_secret_per_process() -> None:
    first, second = settings_module.Settings.from_env({}), settings_module.Settings.from_env({})

    assert first.signing_key.startswith("-----BEGIN PRIVATE KEY-----")
    assert first.signing_key != second.signing_key
    assert first.cursor_secret != second.cursor_secret
    assert first.cors_origins == ("http://localhost:5173",)

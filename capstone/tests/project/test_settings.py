"""Settings from the environment: production refuses to start without its secrets."""

import pytest

from testkit import impl_module

settings = impl_module("capstone", "settings")
pytestmark = pytest.mark.task(0)


def test_production_needs_its_secrets() -> None:
    with pytest.raises(settings.SettingsError, match="JWT_SECRET and CURSOR_SECRET"):
        settings.Settings.from_env({"APP_ENV": "production"})


def test_secrets_come_from_the_environment_and_default_to_random_in_development() -> None:
    given = settings.Settings.from_env({"JWT_SECRET": "j" * 32, "CURSOR_SECRET": "c" * 32})
    assert (given.jwt_secret, given.cursor_secret) == (b"j" * 32, b"c" * 32)
    first, second = settings.Settings.from_env({}), settings.Settings.from_env({})
    assert first.jwt_secret != second.jwt_secret


def test_redis_comes_from_the_environment_and_defaults_to_the_dev_server() -> None:
    given = settings.Settings.from_env({"REDIS_URL": "redis://cache.internal:6379/2"})
    assert given.redis_url == "redis://cache.internal:6379/2"
    assert settings.Settings.from_env({}).redis_url == settings.DEV_REDIS_URL

"""Lecture fixtures: settings for the session's services, a real Celery worker, clean logging."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest
import structlog
from deploy.lectures.config import DevelopmentSettings, Settings

from testkit.celery_worker import CeleryWorker

# 32 characters, made up for these tests (the pragma tells the secrets check; ruff: S105)
SECRET = "x9Kq2mW7vR4tY8pL3nB6cJ1hF5gD0sAe"  # noqa: S105 secrets-scan: allow

MakeSettings = Callable[..., Settings]


@pytest.fixture
def make_settings(postgres_url: str, redis_url: str) -> MakeSettings:
    """Settings on the session's PostgreSQL and Redis; keyword arguments override them."""

    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "database_url": postgres_url,
            "redis_url": redis_url,
            "broker_url": redis_url,
            "jwt_secret": SECRET,
            "log_json": True,
            "log_level": "INFO",
            # Generous: a loaded 2-core machine can take a second to answer a healthy PING.
            "ready_timeout": 3.0,
        }
        return DevelopmentSettings(_env_file=None, **(values | overrides))  # type: ignore[arg-type]

    return make


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """``create_app`` configures the process's logging: put the test session's back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers, root.level = handlers, level
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


@pytest.fixture(scope="session")
def worker(redis_url: str) -> Iterator[CeleryWorker]:
    """One real worker for the session, logging JSON (``deploy.lectures.tasks``)."""
    with CeleryWorker("deploy.lectures.tasks", redis_url, env={"APP_BROKER_URL": redis_url}) as w:
        yield w

"""The lectures' Celery app and a task that logs (lecture W15.L2).

A worker runs it with ``celery -A deploy.lectures.tasks worker``; the broker comes from
``APP_BROKER_URL`` (the development Redis by default). The worker logs JSON through
``configure_logging``: connecting ``setup_logging`` stops Celery from installing its own format.
"""

from __future__ import annotations

import os
from typing import Any

import structlog
from celery import Celery, shared_task
from celery.signals import setup_logging

from deploy.lectures import correlation  # noqa: F401  (connects the request-id signals)
from deploy.lectures.logs import configure_logging

DEFAULT_BROKER = "redis://127.0.0.1:63799/0"  # `make services-up`'s Redis

log = structlog.get_logger("deploy.tasks")


def configure(app: Celery, broker_url: str) -> Celery:
    app.conf.update(
        broker_url=broker_url,
        result_backend=broker_url,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
    )
    return app


app = configure(
    Celery("deploy_lectures", include=["deploy.lectures.tasks"]),
    os.environ.get("APP_BROKER_URL", DEFAULT_BROKER),
)


@setup_logging.connect
def worker_logging(**_: Any) -> None:
    configure_logging(json=True, level=os.environ.get("APP_LOG_LEVEL", "INFO"))


@shared_task
def build_report(project_id: int) -> str:
    log.info("report built", project_id=project_id)  # request_id and task_id come from the context
    return f"report-{project_id}"

"""The lectures' Celery app: Redis as broker and result backend, JSON only, late acknowledgement.

A worker runs it with ``celery -A week11.lectures.celery_app worker``; the broker comes from
``WEEK11_BROKER_URL`` (the development Redis by default). ``configure()`` points a client (a test, a
demo) at another Redis before it sends anything.
"""

from __future__ import annotations

import os

from celery import Celery

DEFAULT_BROKER = "redis://127.0.0.1:63799/0"  # `make services-up`'s Redis


def configure(app: Celery, broker_url: str) -> Celery:
    visibility = float(os.environ.get("WEEK11_VISIBILITY", "3600"))
    app.conf.update(
        broker_url=broker_url,
        result_backend=broker_url,
        # JSON only: a pickled message is code the worker would run; JSON is data.
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        # Acknowledge after the task ran, and give the message back if the worker process dies:
        # a crash re-delivers the task instead of losing it, so tasks must be idempotent.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,  # a worker holds one unacknowledged message at a time
        # An unacknowledged message returns to the queue after this long (Redis has no "consumer
        # died" signal); short here so the crash demo is quick, hours in production.
        broker_transport_options={
            "visibility_timeout": visibility,
            # How often a worker looks for such messages: kombu's default sweep runs every 10 s
            # and scans every 10th time, so a 1 s timeout could still wait 100 s for its restore.
            "unacked_restore_interval": min(visibility, 10),
            "unacked_restore_throttle": 1,
        },
        result_expires=3600,
        task_track_started=True,  # STARTED between PENDING and SUCCESS
        broker_connection_retry_on_startup=True,
    )
    return app


app = configure(
    Celery(
        "week11_lectures",
        include=[
            "week11.lectures.l2_tasks",
            "week11.lectures.l2_email",
            "week11.lectures.l3_limits",
            "week11.lectures.l3_monitoring",
        ],
    ),
    os.environ.get("WEEK11_BROKER_URL", DEFAULT_BROKER),
)

"""The Celery app, as both sides make it: the worker (``worker.py``) and the web app, which
only publishes (``send_task`` by name: it never imports the tasks' code)."""

from collections.abc import Callable
from typing import Any

from celery import Celery

DELIVER = "capstone.deliver_outbox"
PURGE = "capstone.purge_deleted"
BUILD_EXPORT = "capstone.build_export"
SWEEP_EXPORTS = "capstone.sweep_exports"


def make_celery(redis_url: str, visibility: float = 3600.0) -> Celery:
    """A Celery app on ``redis_url``: the worker's (below) and the web app's, which only sends.

    ``visibility``: seconds before Redis hands an unacknowledged message to another worker. It
    must exceed the longest task (and any countdown), or a slow task runs twice at once."""
    app = Celery("capstone", broker=redis_url, backend=redis_url, set_as_current=False)
    # BEGIN SOLUTION task 13: JSON, late acks, visibility, Beat
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,  # outcomes live in the database (the outbox's status)
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        # The web app publishes after its commit: a broker that is down costs it a second, not
        # a hanging request (the sweep sends the rows later).
        task_publish_retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.2},
        broker_transport_options={
            "visibility_timeout": visibility,
            "socket_connect_timeout": 1,
            # Look for unacknowledged messages to restore often enough for the timeout to count.
            "unacked_restore_interval": min(visibility, 10),
            "unacked_restore_throttle": 1,
        },
        beat_schedule={
            # The sweep: rows whose enqueue failed, and retries whose backoff is over.
            "sweep-outbox": {"task": DELIVER, "schedule": 60.0},
            "purge-deleted": {"task": PURGE, "schedule": 24 * 3600.0},
            "sweep-exports": {"task": SWEEP_EXPORTS, "schedule": 60.0},
        },
    )
    # REPLACE WITH
    # app.conf.update()  # TODO (task 13): JSON only, acks_late, reject_on_worker_lost, the
    # # visibility timeout and its restore interval, a short publish retry, the Beat schedule
    # END SOLUTION
    return app


def send_delivery(celery: Celery) -> Callable[[], Any]:
    """What the web app's ``Enqueue`` listener calls: publish one delivery task."""
    # BEGIN SOLUTION task 13: send_task by name
    return lambda: celery.send_task(DELIVER)
    # REPLACE WITH
    # return lambda: None  # TODO (task 13): publish the DELIVER task by its name
    # END SOLUTION


def send_export(celery: Celery) -> Callable[[int, int], Any]:
    """What the web app's ``EnqueueExports`` listener calls: build export ``export_id``."""
    # BEGIN SOLUTION task 13: BUILD_EXPORT with both ids
    return lambda org_id, export_id: celery.send_task(
        BUILD_EXPORT, kwargs={"org_id": org_id, "export_id": export_id}
    )
    # REPLACE WITH
    # return lambda org_id, export_id: None  # TODO (task 13): publish BUILD_EXPORT
    # END SOLUTION

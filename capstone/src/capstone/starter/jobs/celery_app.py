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
    app.conf.update()  # TODO (task 13): JSON only, acks_late, reject_on_worker_lost, the
    # visibility timeout and its restore interval, a short publish retry, the Beat schedule
    return app


def send_delivery(celery: Celery) -> Callable[[], Any]:
    """What the web app's ``Enqueue`` listener calls: publish one delivery task."""
    return lambda: None  # TODO (task 13): publish the DELIVER task by its name


def send_export(celery: Celery) -> Callable[[int, int], Any]:
    """What the web app's ``EnqueueExports`` listener calls: build export ``export_id``."""
    return lambda org_id, export_id: None  # TODO (task 13): publish BUILD_EXPORT

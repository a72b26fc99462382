"""Starting several Celery workers at once (the project's and the lectures' fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from testkit.celery_worker import CeleryWorker


def start_together(*workers: CeleryWorker, meanwhile: Callable[[], object] = lambda: None) -> None:
    """Start ``workers`` side by side and run ``meanwhile`` as they start; raise the first error.

    A worker's start-up is mostly its imports (Celery, SQLAlchemy, the app): one after another,
    the session's start-ups took seconds each; side by side they share the machine's cores. The
    caller closes the workers, also those that started when another did not.
    """
    with ThreadPoolExecutor(max_workers=len(workers)) as pool:
        started = [pool.submit(worker.start) for worker in workers]
        meanwhile()
        for future in started:
            future.result()

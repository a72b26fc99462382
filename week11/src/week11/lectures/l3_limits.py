"""Time limits (lecture 3): a task that overruns is warned, then stopped.

``soft_time_limit`` raises ``SoftTimeLimitExceeded`` inside the task (it can clean up and report);
``time_limit`` kills the pool process if the task still runs. Both need the prefork pool (the
pool's supervisor enforces them), which is why the lecture's worker runs ``--pool=prefork``.
"""

from __future__ import annotations

import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from week11.lectures.store import redis_client


@shared_task(soft_time_limit=1, time_limit=3)
def overrun(key: str, seconds: float) -> str:
    try:
        time.sleep(seconds)  # the "work"; a real task would stream a big export
    except SoftTimeLimitExceeded:
        redis_client().set(f"stopped:{key}", "soft time limit")
        raise
    return "finished"

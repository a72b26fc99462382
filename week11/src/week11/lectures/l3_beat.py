"""Celery Beat (lecture 3): a schedule of periodic tasks, and how to test it without waiting.

Beat is one process (run exactly one) that sends the scheduled tasks to the broker on time; workers
run them like any other task. The schedule is data, so its logic is tested by asking a ``crontab``
when it is next due, and a short real Beat run with a one-second entry proves the wiring.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from celery import Celery
from celery.schedules import crontab, schedule

from week11.lectures.celery_app import DEFAULT_BROKER, configure

NIGHTLY_REPORT = crontab(minute="0", hour="3")  # 03:00 every day
DUE_SOON_SCAN = crontab(minute="*/15")  # every quarter of an hour
WEEKLY_DIGEST = crontab(minute="0", hour="8", day_of_week="mon")


def next_run(entry: crontab, after: datetime) -> datetime:
    """When ``entry`` is next due after a run at ``after`` (a timezone-aware time): the question
    Beat asks on every tick, answered without waiting for the clock."""
    start, delta, _now = entry.remaining_delta(after)
    due: datetime = start + delta
    return due


def beat_app(broker_url: str, every_seconds: float) -> Celery:
    """The lectures' app with a schedule Beat can run in a test: ``add`` every ``every_seconds``."""
    app = configure(Celery("week11_beat", include=["week11.lectures.l2_tasks"]), broker_url)
    app.conf.beat_schedule = {
        "tick": {
            "task": "week11.lectures.l2_tasks.add",
            "schedule": schedule(timedelta(seconds=every_seconds)),
            "args": (1, 1),
        },
        "nightly-report": {
            "task": "week11.lectures.l2_tasks.add",
            "schedule": NIGHTLY_REPORT,
            "args": (0, 0),
        },
    }
    return app


# `celery -A week11.lectures.l3_beat beat` runs this; WEEK11_TICK sets the test's short interval.
app = beat_app(
    os.environ.get("WEEK11_BROKER_URL", DEFAULT_BROKER), float(os.environ.get("WEEK11_TICK", "60"))
)

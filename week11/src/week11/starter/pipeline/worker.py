"""The Celery app of the pipeline, its tasks and the Beat schedule.

A worker runs ``celery -A week11.starter.pipeline.worker worker``; Beat runs ``... beat``. Both
read ``WEEK11_BROKER_URL`` (Redis), ``DATABASE_URL`` and ``SMTP_HOST``/``SMTP_PORT``. Tasks get
ids and plain values (JSON), load fresh rows themselves, and are idempotent: late acknowledgement
re-delivers a task whose worker died, so a task may run twice and must have its effect once.
"""

import os

from celery import Celery

from .. import models  # every model mapped: relationships name each other

app = Celery("week11_pipeline")
app.conf.update(
    broker_url=os.environ.get("WEEK11_BROKER_URL", "redis://127.0.0.1:63799/1"),
    # TODO (task 3): JSON only, no results kept (the database holds the outcomes), late
    # acknowledgement, re-delivery when a worker dies, one message prefetched, the visibility
    # timeout from WEEK11_VISIBILITY (lecture 2, celery_app.py).
    # TODO (task 7): beat_schedule: "relay-outbox" (pipeline.relay every 5 s) and "due-reminders"
    # (pipeline.due_reminders every day at 07:00 UTC).
)

# TODO (task 3): run(job): a job of jobs.py on a fresh engine (NullPool) inside asyncio.run;
# publish(task_name, payload): app.send_task with the payload as keyword arguments.
# TODO (task 4): a Task base class whose on_failure parks the job with jobs.bury.


@app.task(name="pipeline.relay")
def relay() -> int:
    raise NotImplementedError("TODO: jobs.relay_outbox with publish")


@app.task(name="pipeline.notify")  # TODO (task 4): retry OSError and SMTPException with backoff
def notify(message_id: int, key: str, template: str, user_id: int, data: dict[str, str]) -> str:
    # TODO (task 5): first sleep WEEK11_SEND_DELAY seconds (0 by default): the crash test's window
    raise NotImplementedError("TODO: jobs.notify with the SMTP settings of the environment")


@app.task(name="pipeline.build_report")
def build_report(message_id: int, report_id: int) -> str:
    raise NotImplementedError("TODO: jobs.build_report")


@app.task(name="pipeline.due_reminders")
def due_reminders() -> int:
    raise NotImplementedError("TODO: jobs.due_reminders")

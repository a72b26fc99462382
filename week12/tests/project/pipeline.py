"""Week 11: the pipeline's world for the tests that run a real worker.

The worker is another process, so it sees only committed rows: these tests use a database of
their own (migrated once, really committed), a broker of their own (a throwaway Redis: the
lectures' worker must not take these tasks), an SMTP server and one worker for the session.

The waits fail at once when the watched worker's log shows a ``NotImplementedError`` since the
test began: a task not written yet, so what the test waits for can never happen (the reference
solution never raises it, so this cannot cut a slow but correct run short).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from celery import Celery

from testkit.celery_worker import CeleryWorker
from testkit.smtp import SmtpServer

WORKER_APP = "week12.solution.pipeline.worker"  # the starter's under IMPL=starter (worker_app())


@dataclass
class World:
    database_url: str
    broker_url: str
    smtp: SmtpServer
    worker: CeleryWorker
    producer: Celery
    watched: CeleryWorker | None = None  # the worker whose log the waits read (``watch``)
    since: int = 0  # the length of its log when the running test began
    redis_url: str = ""  # week 12: the app's Redis, where the worker publishes its events
    # week 12: the worker's start, run in the background (``world`` waits for it)
    started: Future[CeleryWorker] | None = None

    def watch(self, worker: CeleryWorker) -> CeleryWorker:
        """Read ``worker``'s log from here on (each test calls it first, through its fixture)."""
        self.watched, self.since = worker, len(worker.log())
        return worker

    def log(self) -> str:
        """The watched worker's log since the test began."""
        worker = self.watched or self.worker
        return worker.log()[self.since :]

    def check_unfinished(self) -> None:
        """Fail now if a task raised ``NotImplementedError`` during this test."""
        log = self.log()
        if "NotImplementedError" in log:
            raise AssertionError(f"a task is not written yet (NotImplementedError):\n{log[-3000:]}")

    def publish(self, task_name: str, payload: dict[str, Any], queue: str = "celery") -> str:
        """What the relay does: one message for ``task_name`` on the broker; the task's id."""
        return str(self.producer.send_task(task_name, kwargs=payload, queue=queue).id)

    def env(self, **more: str) -> dict[str, str]:
        """The environment of a worker of this world."""
        return {
            "WEEK12_BROKER_URL": self.broker_url,
            "DATABASE_URL": self.database_url,
            "SMTP_HOST": self.smtp.host,
            "SMTP_PORT": str(self.smtp.port),
            "WEEK12_MAIL_RETRIES": "2",
            "REDIS_URL": self.redis_url,
            **more,
        }


def producer(broker_url: str) -> Celery:
    # set_as_current=False: the lectures' tests keep their own current app.
    app = Celery("pipeline-tests", broker=broker_url, set_as_current=False)
    app.conf.update(task_serializer="json", accept_content=["json"])
    return app


def mails_about(smtp: SmtpServer, subject: str) -> list[EmailMessage]:
    return [mail for mail in smtp.messages if mail["Subject"] == subject]


def wait_for_mail(world: World, subject: str, timeout: float = 20.0) -> EmailMessage:
    """The first e-mail with ``subject``, polled with a deadline (the worker's log if none)."""
    deadline = time.monotonic() + timeout
    while not (found := mails_about(world.smtp, subject)):
        world.check_unfinished()
        assert time.monotonic() < deadline, (
            f"no e-mail {subject!r} within {timeout:.0f} s; worker log:\n{world.log()[-3000:]}"
        )
        time.sleep(0.05)
    return found[0]


def wait_until(
    world: World, condition: Callable[[], bool], what: str, timeout: float = 20.0
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        world.check_unfinished()
        assert time.monotonic() < deadline, (
            f"{what}: not within {timeout:.0f} s; worker log:\n{world.log()[-3000:]}"
        )
        time.sleep(0.05)

"""E-mail from a task, retried while the SMTP server is down, sent once (lecture 2).

- ``send_email``: a refused connection or a 4xx answer is transient (``OSError``,
  ``SMTPException``): Celery retries with a jittered exponential backoff until the relay is back.
- ``deliver_once``: acks_late + ``task_reject_on_worker_lost`` give a task back when its process
  dies mid-run, so it runs again; the idempotency key, claimed after the e-mail left, keeps the
  second run from sending it twice.
"""

from __future__ import annotations

import os
import smtplib
import time
from email.message import EmailMessage

from celery import shared_task

from week11.lectures.store import redis_client

SENDER = "tasks@task-manager.example"


def message(to: str, subject: str, body: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = SENDER
    mail["To"] = to
    mail["Subject"] = subject
    mail.set_content(body)
    return mail


def send(host: str, port: int, mail: EmailMessage) -> None:
    with smtplib.SMTP(host, port, timeout=5) as smtp:
        smtp.send_message(mail)


@shared_task(
    autoretry_for=(OSError, smtplib.SMTPException),  # ConnectionRefusedError is an OSError
    retry_backoff=1,
    retry_backoff_max=1,
    retry_jitter=True,
    max_retries=20,
)
def send_email(host: str, port: int, to: str, subject: str, body: str) -> str:
    send(host, port, message(to, subject, body))
    return "sent"


@shared_task
def deliver_once(host: str, port: int, key: str, work_seconds: float) -> str:
    """Send the e-mail for ``key`` once, however often the task is delivered.

    Each attempt records the pid of the process running it (a test kills it to simulate a crash).
    """
    client = redis_client()
    if client.get(f"mailed:{key}"):
        return "already sent"
    attempt = client.incr(f"attempts:{key}")
    client.set(f"pid:{key}", os.getpid())
    if attempt == 1:
        time.sleep(work_seconds)  # the slow part: long enough for the test to kill us
    send(host, port, message("ada@example.test", f"Report {key}", "Your report is ready."))
    client.set(
        f"mailed:{key}", 1
    )  # after the send: a crash between the two sends twice, never zero
    return "sent"

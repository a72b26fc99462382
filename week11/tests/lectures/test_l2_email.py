"""Lecture 2, e-mail: retried while the SMTP server is down; re-delivered after a crash, sent once."""

from __future__ import annotations

import os
import signal
import uuid

import redis
from celery import Celery
from week11.lectures.l2_email import deliver_once, send_email

from testkit.celery_worker import CeleryWorker
from testkit.smtp import SmtpServer

from .polling import wait_for_key


def test_an_email_waits_out_an_smtp_outage_and_arrives_once(
    app: Celery, worker: CeleryWorker, smtp_server: SmtpServer
) -> None:
    smtp_server.stop()
    subject = f"Task assigned {uuid.uuid4().hex[:6]}"
    result = send_email.delay(smtp_server.host, smtp_server.port, "ada@example.test", subject, "Hi")
    worker.wait_for_log(f"[{result.id}] retry: Retry in")  # refused: retried with backoff
    # not sent: waiting out its countdown, or (on a loaded machine) already running its next try
    assert result.state in {"PENDING", "RETRY", "STARTED"}
    smtp_server.start()
    assert result.get(timeout=30) == "sent"
    assert [m["Subject"] for m in smtp_server.messages] == [subject]


def test_a_task_whose_process_dies_runs_again_and_mails_once(
    app: Celery, smtp_server: SmtpServer, r: redis.Redis
) -> None:
    key = uuid.uuid4().hex[:8]
    result = deliver_once.delay(smtp_server.host, smtp_server.port, key, 30)
    pid = int(wait_for_key(r, f"pid:{key}"))
    os.kill(pid, signal.SIGKILL)  # the pool process dies mid-task; the worker notices
    assert result.get(timeout=30) == "sent"  # given back (reject_on_worker_lost), run again
    assert r.get(f"attempts:{key}") == "2"
    [mail] = smtp_server.wait_for(1)
    assert mail["Subject"] == f"Report {key}"

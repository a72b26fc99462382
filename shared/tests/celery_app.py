"""A tiny Celery app the worker fixture's tests start (``celery_app:app``, broker from the env)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from celery import Celery

app = Celery("testkit_probe", broker=os.environ["PROBE_BROKER"], backend=os.environ["PROBE_BROKER"])
app.conf.update(task_serializer="json", accept_content=["json"], result_serializer="json")


@app.task
def add(x: int, y: int) -> int:
    return x + y


@app.task
def hold(seconds: float, marker: str) -> str:
    """Say it started (a file the test polls for), then work for ``seconds``."""
    Path(marker).write_text(str(os.getpid()))
    time.sleep(seconds)  # the task's own work: a test interrupts it or lets it finish
    return "finished"

"""FastAPI's ``BackgroundTasks`` and its limits (lecture 1).

The endpoint answers 202 at once and the work runs *after* the response, in the same process and
event loop: nothing is persisted, nothing retries it, and if the process dies (a deploy, a crash,
an OOM kill) before the task finishes, the task is gone without a trace. Good for a log line or a
cache warm-up; not for an e-mail somebody must receive.

``crash_demo_app`` is the same app for a server in another process: it appends its journal to the
file named by ``WEEK11_JOURNAL`` and works ``WEEK11_WORK_SECONDS``, so a test can kill the server
in the middle of the task and read what happened.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

from fastapi import BackgroundTasks, FastAPI


def create_app(record: Callable[[str], None], work_seconds: float = 0.0) -> FastAPI:
    """An app whose ``POST /signup`` reports its steps to ``record`` (a test reads the order)."""
    app = FastAPI()

    async def send_welcome(email: str) -> None:
        record(f"task started for {email}")
        await asyncio.sleep(work_seconds)  # the slow part: an SMTP conversation, say
        record(f"task finished for {email}")

    @app.post("/signup", status_code=202)
    async def signup(email: str, tasks: BackgroundTasks) -> dict[str, str]:
        tasks.add_task(send_welcome, email)
        record("response ready")
        return {"status": "accepted"}

    return app


def crash_demo_app() -> FastAPI:
    """``uvicorn --factory week11.lectures.l1_background_tasks:crash_demo_app``."""
    journal = Path(os.environ["WEEK11_JOURNAL"])

    def record(line: str) -> None:
        with journal.open("a") as out:
            out.write(line + "\n")

    return create_app(record, float(os.environ.get("WEEK11_WORK_SECONDS", "30")))

"""FastAPI's ``BackgroundTasks`` and its limits (lecture 1).

The endpoint answers 202 at once and the work runs *after* the response, in the same process and
event loop: nothing is persisted, nothing retries it, and if the process dies (a deploy, a crash,
an OOM kill) before the task finishes, the task is gone without a trace. Good for a log line or a
cache warm-up; not for an e-mail somebody must receive.
"""

from __future__ import annotations

import asyncio

from fastapi import BackgroundTasks, FastAPI


def create_app(journal: list[str], work_seconds: float = 0.0) -> FastAPI:
    """An app whose ``POST /signup`` records its steps in ``journal`` (a test reads the order)."""
    app = FastAPI()

    async def send_welcome(email: str) -> None:
        journal.append(f"task started for {email}")
        await asyncio.sleep(work_seconds)  # the slow part: an SMTP conversation, say
        journal.append(f"task finished for {email}")

    @app.post("/signup", status_code=202)
    async def signup(email: str, tasks: BackgroundTasks) -> dict[str, str]:
        tasks.add_task(send_welcome, email)
        journal.append("response ready")
        return {"status": "accepted"}

    return app

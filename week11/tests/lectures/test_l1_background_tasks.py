"""Lecture 1: BackgroundTasks run after the response, in the same process."""

from __future__ import annotations

import os

import pytest
from week11.lectures.l1_background_tasks import create_app

from testkit.http import ClientFactory


@pytest.mark.asyncio(loop_scope="session")
async def test_the_task_runs_after_the_response_in_the_same_process(
    asgi_client: ClientFactory,
) -> None:
    journal: list[str] = []
    client = await asgi_client(create_app(journal))
    response = await client.post("/signup", params={"email": "ada@example.test"})
    assert response.status_code == 202
    assert journal == [
        "response ready",
        "task started for ada@example.test",
        "task finished for ada@example.test",
    ]
    assert os.getpid()  # no other process was involved: a crash here would take the task with it

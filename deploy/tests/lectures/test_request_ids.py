"""JSON logs with a request id, from the HTTP request into a real Celery worker's log line."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from deploy.lectures.service import create_app

from testkit.celery_worker import CeleryWorker

from .conftest import MakeSettings

Client = Callable[..., Awaitable[httpx.AsyncClient]]


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def built_line(worker: CeleryWorker, task_id: str, timeout: float = 20) -> dict[str, Any]:
    """The worker's "report built" line of this task, once it appears (polled, with a deadline)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in json_lines(worker.log()):
            if line.get("task_id") == task_id and line["event"] == "report built":
                return line
        time.sleep(0.05)
    raise AssertionError(f"no 'report built' line for {task_id}:\n{worker.log()[-2000:]}")


async def test_every_line_of_a_request_carries_its_id_and_the_response_returns_it(
    make_settings: MakeSettings, asgi_client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    client = await asgi_client(create_app(make_settings()))
    response = await client.get("/health", headers={"X-Request-ID": "req-42"})
    assert response.headers["X-Request-ID"] == "req-42"
    [line] = [line for line in json_lines(capsys.readouterr().out) if line["event"] == "request"]
    assert line["request_id"] == "req-42"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/health", 200)
    assert line["level"] == "info"
    assert line["timestamp"].endswith("Z")


@pytest.mark.parametrize("incoming", [None, "two\nlines", "x" * 65, '"quoted"'])
async def test_a_missing_or_unsafe_id_is_replaced_by_a_fresh_one(
    make_settings: MakeSettings, asgi_client: Client, incoming: str | None
) -> None:
    client = await asgi_client(create_app(make_settings()))
    headers = {"X-Request-ID": incoming} if incoming is not None else {}
    first = await client.get("/health", headers=headers)
    second = await client.get("/health", headers=headers)
    ids = [first.headers["X-Request-ID"], second.headers["X-Request-ID"]]
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)  # uuid4().hex
    assert ids[0] != ids[1]


async def test_the_request_id_reaches_the_workers_log_line(
    make_settings: MakeSettings,
    asgi_client: Client,
    worker: CeleryWorker,
    capsys: pytest.CaptureFixture[str],
) -> None:
    request_id = f"req-{uuid.uuid4().hex[:12]}"
    client = await asgi_client(create_app(make_settings()))
    response = await client.post("/reports/7", headers={"X-Request-ID": request_id})
    assert response.status_code == 202
    task_id = response.json()["task_id"]

    built = built_line(worker, task_id)  # the worker bound both ids: the task passed neither
    assert built["request_id"] == request_id
    assert built["project_id"] == 7
    [requested] = [
        line for line in json_lines(capsys.readouterr().out) if line["event"] == "report requested"
    ]
    assert requested["request_id"] == request_id  # the API's line: the same id joins the two


async def test_a_task_sent_outside_a_request_has_no_stale_id(
    make_settings: MakeSettings, asgi_client: Client, worker: CeleryWorker
) -> None:
    from deploy.lectures.tasks import build_report

    client = await asgi_client(create_app(make_settings()))
    await client.post("/reports/1", headers={"X-Request-ID": "req-before"})
    result = build_report.delay(8)  # from a script or Beat: no request around it
    assert result.get(timeout=20) == "report-8"
    assert built_line(worker, result.id)["request_id"] is None

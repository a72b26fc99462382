"""A request id from the HTTP request to the Celery task's log lines (lecture W15.L2).

``RequestIdMiddleware`` takes the caller's ``X-Request-ID`` (a gateway or another service set it)
when it looks like an id, or makes one; binds it in a context variable for the request's log
lines; tags Sentry's events with it; and returns it in the response, so a user's bug report can
quote it. Celery's signals carry it on: ``before_task_publish`` copies it into the message's
headers, ``task_prerun`` binds it in the worker before the task runs.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import sentry_sdk
import structlog
from celery import Task
from celery.signals import before_task_publish, task_postrun, task_prerun
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-ID"
# Letters, digits and ._- only: a client-chosen value ends up in every log line, so no newlines,
# quotes or megabytes (log injection).
VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")

log = structlog.get_logger("deploy.requests")


def current_request_id() -> str | None:
    value = structlog.contextvars.get_contextvars().get("request_id")
    return str(value) if value is not None else None


class RequestIdMiddleware:
    """Pure ASGI middleware: it runs in the request's own context, so what it binds is seen by the
    endpoint, its dependencies and anything they call."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get(HEADER, "")
        request_id = incoming if VALID.fullmatch(incoming) else uuid.uuid4().hex
        status = 500  # unless the app answers
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        structlog.contextvars.clear_contextvars()  # nothing of a previous request on this task
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            sentry_sdk.set_tag("request_id", request_id)  # the request's own Sentry scope
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    status=status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                )


@before_task_publish.connect
def send_request_id(headers: dict[str, Any] | None = None, **_: Any) -> None:
    """In the API process: the message carries the current request's id in its headers."""
    request_id = current_request_id()
    if headers is not None and request_id is not None:
        headers.setdefault("request_id", request_id)


@task_prerun.connect
def bind_request_id(
    task_id: str | None = None, task: Task[Any, Any] | None = None, **_: Any
) -> None:
    """In the worker: the task's log lines carry the id that came with the message."""
    structlog.contextvars.clear_contextvars()  # the previous task's ids must not leak into this one
    request_id = task.request.get("request_id") if task is not None else None
    structlog.contextvars.bind_contextvars(task_id=task_id, request_id=request_id)
    if request_id is not None:
        sentry_sdk.set_tag("request_id", request_id)


@task_postrun.connect
def unbind_request_id(**_: Any) -> None:
    structlog.contextvars.clear_contextvars()

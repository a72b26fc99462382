"""Structured logging with structlog: one line per request with an id to follow it through the logs.

``configure_logging()`` sets structlog up once per process. ``RequestLoggingMiddleware`` binds
``request_id``, ``method`` and ``path`` to every log line written while the request runs (structlog
contextvars), logs ``status`` and ``duration_ms`` at the end and returns the id in ``X-Request-ID``.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
# A client may send its own id (to correlate across services), but only a short, plain one:
# anything else could forge or break log lines.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

logger = structlog.get_logger("week12.access")


def configure_logging(level: int = logging.INFO) -> None:
    """Human-friendly lines in a terminal, JSON lines (one object per line) everywhere else."""
    renderer: structlog.types.Processor = (
        structlog.dev.ConsoleRenderer()
        if sys.stderr.isatty()
        else structlog.processors.JSONRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,  # request_id, method, path
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
    )


def request_id_from(headers: Headers) -> str:
    """The client's request id if it is safe to log, else a new random one."""
    given = headers.get(REQUEST_ID_HEADER, "")
    return given if _SAFE_ID.match(given) else uuid.uuid4().hex


class RequestLoggingMiddleware:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware and does not buffer streaming bodies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(Headers(scope=scope))
        status = 500  # what the client gets if the app raises before it responds
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        with structlog.contextvars.bound_contextvars(
            request_id=request_id, method=scope["method"], path=scope["path"]
        ):
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                duration_ms = round((time.perf_counter() - started) * 1000, 2)
                logger.info("request", status=status, duration_ms=duration_ms)

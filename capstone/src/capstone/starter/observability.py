"""Production logs: one JSON object per line on stdout, and the request's id in every line of it
(deploy's lecture W15.L2, wired into the app).

- ``configure_logging`` sends every line of the process, ours and uvicorn's, through one structlog
  renderer, so a log pipeline parses them all the same way; secrets are redacted by key.
- ``RequestIdMiddleware`` takes the caller's ``X-Request-ID`` when it looks like an id (a gateway
  or another service set it), or makes one; binds it for the request's log lines; returns it in
  every response, errors included, so a user's bug report can quote it; and writes one access
  line per request.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import uuid
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-ID"
# Letters, digits and ._- only, at most 64: a client-chosen value ends up in every log line, so
# no newlines, quotes or megabytes (log injection).
VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Never logged as they are, wherever they appear in a line (compared in lower case).
REDACTED_KEYS: frozenset[str] = frozenset()  # TODO (task 11): the keys whose values are secret

log = structlog.get_logger("capstone.requests")


def redact(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """A structlog processor: the value of every secret-looking key replaced."""
    return event  # TODO (task 11): replace the values of REDACTED_KEYS


def configure_logging(level: str | None = None, stream: TextIO | None = None) -> None:
    """Every log line of the process as JSON on ``stream`` (stdout), from ``level`` (default:
    ``LOG_LEVEL``, else INFO) up. Idempotent: it replaces the root logger's handlers, so the apps
    the tests create do not multiply the lines."""
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,  # request_id, bound by the middleware
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
    )
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,  # lines of logging.getLogger(...) get the same fields
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,  # a traceback as one JSON string
                structlog.processors.JSONRenderer(),
            ],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level or os.environ.get("LOG_LEVEL") or "INFO")
    # uvicorn configured its loggers before it called create_app: its start-up lines and
    # tracebacks go to our handler instead, and its access line is off (the middleware's has the
    # request id and the duration).
    # TODO (task 11): uvicorn's lines through the root logger's handler, its access line off


class RequestIdMiddleware:
    """Pure ASGI middleware (not ``BaseHTTPMiddleware``): the endpoint runs in the context this
    binds, and a streamed response is not buffered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan (and WebSockets, which have no response headers)
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, send)  # TODO (task 11): the id, the header, the line

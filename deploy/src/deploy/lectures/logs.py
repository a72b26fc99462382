"""Structured logs (lecture W15.L2): one JSON object per line, with the request id in every line.

structlog renders our own lines and, through the standard library's ``ProcessorFormatter``, the
lines of uvicorn, Celery and SQLAlchemy too, so a log pipeline parses everything the same way.
``merge_contextvars`` adds whatever the current request or task bound (``request_id``,
``task_id``): code that logs never passes them by hand.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

# Never logged as they are: the values of these keys are replaced wherever they appear.
REDACTED_KEYS = {"authorization", "cookie", "password", "secret", "token", "jwt_secret"}


def redact(_: Any, __: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in event.keys() & REDACTED_KEYS:
        event[key] = "[redacted]"
    return event


def configure_logging(
    *, json: bool = True, level: str = "INFO", stream: TextIO | None = None
) -> None:
    """Send every log line of the process, ours and libraries', through structlog to ``stream``."""
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,  # request_id, task_id: bound per request/task
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact,
    ]
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,  # lines from logging.getLogger(...) get the same fields
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,  # a traceback as one JSON string, not many lines
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)

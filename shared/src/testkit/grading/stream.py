"""The result stream: what a graded pytest run tells the grader, one JSON line per event.

Inside the sandbox, ``stream_plugin.StreamPlugin`` (registered by ``inside`` before any student code is
imported) writes to a pipe the grader handed down; the grader reads it while the tests run, so a
result that was sent cannot be taken back, and nothing the run leaves in files is read.

    {"event": "collected", "tests": ["week99/tests/project/test_text.py::test_slugify", ...]}
    {"event": "start", "test": "...::test_slugify"}
    {"event": "result", "test": "...::test_slugify", "status": "fail", "message": "...",
     "duration": 0.01, "service_unavailable": false}
    {"event": "collect_error", "message": "..."}     {"event": "internal_error", "message": "..."}
    {"event": "finish", "exit": 1}

``inside`` also sends ``{"event": "coverage", "percent": 84.2}`` after a run with coverage,
``{"event": "openapi", "document": {...}}`` and ``{"event": "migrations", "check": {...}}``, and
``{"event": "error", "message": "..."}`` when those fail.
``EventReader`` splits the bytes back into events, without trusting them: a line that is too long
or not a JSON object is counted as garbage, never parsed further.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from collections.abc import Callable
from typing import Any

MAX_LINE = 1 << 20  # a result line is a few hundred bytes; a megabyte is someone else's writing

Event = dict[str, Any]
Write = Callable[[Event], None]


def writer(fd: int) -> Write:
    """Write events to ``fd``; ``os.write`` is bound now, so a later monkeypatch cannot divert it."""
    write, dumps = os.write, json.dumps

    def send(event: Event) -> None:
        data = (dumps(event, default=str) + "\n").encode()
        try:
            while data:
                data = data[write(fd, data) :]
        except OSError:
            pass  # the grader stopped listening (it killed the run): nothing left to tell

    return send


def pipe() -> tuple[int, int]:
    """A pipe for the events: the read end, and the write end at a random descriptor number
    (at least 100), so the student's code has no fixed number to look for."""
    read_end, write_end = os.pipe()
    try:
        return read_end, fcntl.fcntl(write_end, fcntl.F_DUPFD, 100 + secrets.randbelow(800))
    finally:
        os.close(write_end)


class EventReader:
    """Bytes from the pipe in, events out; ``garbage`` counts lines that were not events."""

    def __init__(self) -> None:
        self.buffer = b""
        self.garbage = 0

    def feed(self, data: bytes) -> list[Event]:
        self.buffer += data
        *lines, self.buffer = self.buffer.split(b"\n")
        if len(self.buffer) > MAX_LINE:
            self.buffer, self.garbage = b"", self.garbage + 1
        return [event for line in lines if (event := self._parse(line)) is not None]

    def _parse(self, line: bytes) -> Event | None:
        if not line.strip():
            return None
        try:
            event = json.loads(line) if len(line) <= MAX_LINE else None
        except ValueError:
            event = None
        if not isinstance(event, dict) or not isinstance(event.get("event"), str):
            self.garbage += 1
            return None
        return event

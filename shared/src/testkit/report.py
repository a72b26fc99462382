"""The JSON results report: Exercism test-runner v3 shape, extended with points and tasks.

    {"version": 3, "status": "pass" | "fail" | "error", "message": null,
     "impl": "solution", "points": {"earned": 7, "possible": 9}, "duration": 1.23,
     "tests": [{"name": "week03/tests/project/test_tasks.py::test_create", "status": "pass",
                "message": null, "task": 2, "points": 1, "duration": 0.01,
                "service_unavailable": false, "where": "week03/src/week03/starter/x.py:9 in f"}]}

Test status is one of pass, fail, error (broken before the test body: a fixture, an import) or
skip. ``service_unavailable`` marks tests that could not run because PostgreSQL/Redis could not be
started: graders and students must never read those as the student's failure. ``where`` (only on
failures that reached the implementation) is the innermost line of the implementation under test
in the traceback: for a TODO, the ``raise NotImplementedError`` to replace.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Status = Literal["pass", "fail", "error", "skip"]
MESSAGE_LIMIT = 2000


@dataclass
class TestResult:
    name: str
    status: Status
    message: str | None = None
    task: int | None = None
    points: float = 1
    duration: float = 0.0
    service_unavailable: bool = False

    @property
    def earned(self) -> float:
        return self.points if self.status == "pass" else 0


@dataclass
class Report:
    impl: str
    tests: list[TestResult] = field(default_factory=list)
    duration: float = 0.0
    message: str | None = None
    where: dict[str, str] = field(default_factory=dict)  # test name -> "path:line in function"

    @property
    def status(self) -> Literal["pass", "fail", "error"]:
        if self.message is not None:
            return "error"
        return "fail" if any(t.status in ("fail", "error") for t in self.tests) else "pass"

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 3,
            "status": self.status,
            "message": self.message,
            "impl": self.impl,
            "points": {
                "earned": sum(t.earned for t in self.tests),
                "possible": sum(t.points for t in self.tests if t.status != "skip"),
            },
            "duration": round(self.duration, 3),
            "tests": [
                asdict(t) | ({"where": self.where[t.name]} if t.name in self.where else {})
                for t in self.tests
            ],
        }

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")


def shorten(message: str) -> str:
    """Keep a failure message readable in a report: its first line (the exception and what it
    says, which tells a TODO or an assertion from a crash) and the end of the rest."""
    message = message.strip()
    if len(message) <= MESSAGE_LIMIT:
        return message
    first = message.splitlines()[0][: MESSAGE_LIMIT // 4]
    return first + "\n...\n" + message[-(MESSAGE_LIMIT - len(first)) :]


def report_dir(root: Path) -> Path:
    """Where reports go by default: ``$TESTKIT_REPORT_DIR``, else ``<root>/.reports``."""
    return Path(os.environ.get("TESTKIT_REPORT_DIR") or root / ".reports")


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data

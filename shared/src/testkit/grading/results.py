"""Per-test outcomes from a JSON report, and points per task of the brief."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from testkit.grading import hints
from testkit.report import TestResult


@dataclass
class TestOutcome(TestResult):
    """One test of a run, as in the testkit's report, plus where it came from."""

    hidden: bool = False
    timed_out: bool = False  # stopped by a time limit (pytest-timeout's or the grader's)

    @property
    def counts(self) -> bool:
        """Whether its points are possible points: not skipped, not blocked by a missing service."""
        return self.status != "skip" and not self.service_unavailable

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["points"], data["duration"] = number(self.points), round(self.duration, 3)
        return data


def from_report(data: dict[str, Any], hidden_prefix: str | None = None) -> list[TestOutcome]:
    """The tests of a testkit JSON report; names under ``hidden_prefix`` are hidden tests."""
    return [
        TestOutcome(
            name=str(t["name"]),
            status=t["status"],
            message=t.get("message"),
            task=t.get("task"),
            points=float(t.get("points", 1)),
            duration=float(t.get("duration", 0.0)),
            service_unavailable=bool(t.get("service_unavailable", False)),
            hidden=bool(hidden_prefix) and str(t["name"]).startswith(str(hidden_prefix)),
        )
        for t in data.get("tests", [])
    ]


@dataclass
class TaskScore:
    """Points of one task of the brief (``number`` None: tests without a task marker)."""

    number: int | None
    title: str
    tests: list[TestOutcome] = field(default_factory=list)

    def earned(self, hidden: bool | None = None) -> float:
        return sum(t.earned for t in self._select(hidden))

    def possible(self, hidden: bool | None = None) -> float:
        return sum(t.points for t in self._select(hidden) if t.counts)

    def _select(self, hidden: bool | None) -> list[TestOutcome]:
        return [t for t in self.tests if hidden is None or t.hidden == hidden]

    @property
    def failures(self) -> list[TestOutcome]:
        return [
            t for t in self.tests if t.status in ("fail", "error") and not t.service_unavailable
        ]

    @property
    def unavailable(self) -> list[TestOutcome]:
        return [t for t in self.tests if t.service_unavailable]

    @property
    def passed(self) -> bool:
        return not self.failures and not self.unavailable and any(t.counts for t in self.tests)


def by_task(tests: Iterable[TestOutcome], tasks: dict[int, hints.TaskInfo]) -> list[TaskScore]:
    """Group tests by task, in task order (tests without a task last)."""
    groups: dict[int | None, TaskScore] = {}
    for test in tests:
        score = groups.setdefault(test.task, TaskScore(test.task, hints.title(tasks, test.task)))
        score.tests.append(test)
    return sorted(groups.values(), key=lambda s: (s.number is None, s.number or 0))


def total(tests: Iterable[TestOutcome], hidden: bool | None = None) -> tuple[float, float]:
    """(earned, possible) over ``tests``; ``hidden`` True/False keeps only hidden/public ones."""
    chosen = [t for t in tests if hidden is None or t.hidden == hidden]
    return sum(t.earned for t in chosen), sum(t.points for t in chosen if t.counts)


def number(value: float) -> float:
    """2.0 -> 2 and 1.5 -> 1.5 in JSON (points are whole numbers most of the time)."""
    return int(value) if float(value).is_integer() else value


def fmt(points: float) -> str:
    """3.0 -> "3", 1.5 -> "1.5"."""
    return f"{points:g}"

"""The grading result of one branch and its ``results.json`` (Exercism test-runner v3, extended).

{"version": 3, "status": "fail", "message": null, "impl": "starter",
 "week": "week03", "branch": "alice/week03", "commit": "3f2c...",
 "points": {"earned": 10, "possible": 13, "public": {"earned": 6, "possible": 7},
            "hidden": {"earned": 1, "possible": 2}, "project": {"earned": 7, "possible": 9},
            "student_tests": {"earned": 3, "possible": 4}},   (the last two: weeks with mutants)
 "tasks": [{"task": 1, "title": "Create the app", "earned": 2, "possible": 2,
            "public": {...}, "hidden": {...}}],
 "tampering": {"flagged": false, "changes": []},
 "review": {"flagged": true, "signals": [{"kind": "code", "where": "...:3", "detail": "..."}]},
 "similarity": {"bob/week03": 0.93},                    (scores against the other branches)
 "sandbox": {"kind": "bubblewrap", "description": "...", "warning": null},
 "api_contract": {"differences": [], "error": null},     (null: the week has no app)
 "migrations": {"ok": true, "steps": [...], ...},        (null: the week has no Alembic)
 "student_tests": {...},        (null: the week has no mutants; see student_tests.StudentTests)
 "timed_out": false, "timed_out_tests": 0, "duration": 2.31,
 "tests": [{"name": "...", "status": "pass", "message": null, "task": 1, "points": 1,
            "duration": 0.01, "service_unavailable": false, "hidden": false, "timed_out": false}]}

``points.earned``/``possible`` are the total: the project tests (``project``, which is ``public``
plus ``hidden``) and the student's own tests (``student_tests``). Each section is a key of its
own: a later part is a new key in ``points`` and a new top-level section, without reshaping these.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from testkit.grading import hints, results
from testkit.grading.migrations import MigrationCheck
from testkit.grading.signals import Signal
from testkit.grading.student_tests import StudentTests


@dataclass
class BranchResult:
    week: str
    branch: str
    commit: str | None
    tests: list[results.TestOutcome] = field(default_factory=list)
    tasks: dict[int, hints.TaskInfo] = field(default_factory=dict)
    reason: str | None = None  # why some or all tests could not run (timeout, import error, ...)
    timed_out: bool = False
    tamper: list[str] = field(default_factory=list)
    review: list[Signal] = field(default_factory=list)  # for a person to look at, never scored
    similarity: dict[str, float] = field(default_factory=dict)
    sandbox: str = "none"
    sandbox_description: str = "none"
    warning: str | None = None  # set when graded without a sandbox
    api_differences: list[str] | None = None  # None: the week has no app
    api_error: str | None = None
    migrations: MigrationCheck | None = None
    student_tests: StudentTests | None = None  # None: the week has no mutants
    duration: float = 0.0
    fingerprints: set[int] = field(default_factory=set, repr=False)  # for similarity, not saved

    @property
    def status(self) -> Literal["pass", "fail", "error"]:
        if self.reason is not None:
            return "error"
        return "fail" if any(t.status in ("fail", "error") for t in self.tests) else "pass"

    @property
    def tampered(self) -> bool:
        return bool(self.tamper)

    @property
    def flagged(self) -> bool:
        """Something for a person to look at: review signals or a missing sandbox."""
        return bool(self.review) or self.warning is not None

    @property
    def timed_out_tests(self) -> int:
        return sum(t.timed_out for t in self.tests)

    def scores(self) -> list[results.TaskScore]:
        return results.by_task(self.tests, self.tasks)

    def points(self, hidden: bool | None = None) -> tuple[float, float]:
        """The project tests' (earned, possible); ``hidden`` True/False: hidden/public only."""
        return results.total(self.tests, hidden)

    def student_points(self) -> tuple[float, float]:
        """The student's own tests' (earned, possible): points per planted bug caught."""
        return self.student_tests.points() if self.student_tests else (0.0, 0.0)

    def total_points(self) -> tuple[float, float]:
        (earned, possible), (mine, planted) = self.points(), self.student_points()
        return earned + mine, possible + planted

    @property
    def has_hidden(self) -> bool:
        return any(t.hidden for t in self.tests)

    def to_dict(self) -> dict[str, Any]:
        def pair(earned: float, possible: float) -> dict[str, float]:
            return {"earned": results.number(earned), "possible": results.number(possible)}

        earned, possible = self.total_points()
        api: dict[str, Any] | None = None
        if self.api_differences is not None or self.api_error is not None:
            api = {"differences": self.api_differences or [], "error": self.api_error}
        return {
            "version": 3,
            "status": self.status,
            "message": self.reason,
            "impl": "starter",
            "week": self.week,
            "branch": self.branch,
            "commit": self.commit,
            "points": {
                **pair(earned, possible),
                "public": pair(*self.points(hidden=False)),
                "hidden": pair(*self.points(hidden=True)),
                **(
                    {"project": pair(*self.points()), "student_tests": pair(*self.student_points())}
                    if self.student_tests is not None
                    else {}
                ),
            },
            "tasks": [
                {
                    "task": s.number,
                    "title": s.title,
                    **pair(s.earned(), s.possible()),
                    "public": pair(s.earned(hidden=False), s.possible(hidden=False)),
                    "hidden": pair(s.earned(hidden=True), s.possible(hidden=True)),
                }
                for s in self.scores()
            ],
            "tampering": {"flagged": self.tampered, "changes": self.tamper},
            "review": {"flagged": self.flagged, "signals": [s.to_dict() for s in self.review]},
            "similarity": self.similarity,
            "sandbox": {
                "kind": self.sandbox,
                "description": self.sandbox_description,
                "warning": self.warning,
            },
            "api_contract": api,
            "migrations": self.migrations.to_dict() if self.migrations else None,
            "student_tests": self.student_tests.to_dict() if self.student_tests else None,
            "timed_out": self.timed_out,
            "timed_out_tests": self.timed_out_tests,
            "duration": round(self.duration, 3),
            "tests": [t.to_dict() for t in self.tests],
        }

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

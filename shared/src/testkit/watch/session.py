"""The watch loop: one task at a time, its tests on every save, the next task when it passes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from testkit import batch, paths
from testkit.grading import check, hints, results
from testkit.watch import changes, lint

_TASK_MARK = re.compile(r"mark\.task\(\s*(\d+)\s*\)")
CLEAR = "\033[2J\033[H"
KEYS = "save a file to check again  ·  h: next hint  ·  r: run again  ·  q: quit"


def task_numbers(root: Path, folder: str) -> list[int]:
    """The tasks of the week, from the tests' ``task`` markers and the hints' sections."""
    tests = root / folder / "tests" / "project"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(tests.rglob("*.py")))
    found = {int(n) for n in _TASK_MARK.findall(text)} | set(hints.load(root / folder))
    return sorted(found)


@dataclass
class TaskRun:
    """One run of a task's tests against the starter."""

    task: int
    tests: list[results.TestOutcome]
    where: dict[str, str]
    problem: str | None  # the run could not test the code (it does not import, it hangs)

    @property
    def passed(self) -> bool:
        return (
            self.problem is None
            and bool(self.tests)
            and all(t.status == "pass" for t in self.tests)
        )


@dataclass
class Watch:
    root: Path
    folder: str
    week: str
    out: Callable[[str], None] = print
    tasks: list[int] = field(default_factory=list)
    info: dict[int, hints.TaskInfo] = field(default_factory=dict)
    hint_level: int = 1
    news: list[str] = field(default_factory=list)  # what happened since the last screen
    services: dict[str, str] = field(default_factory=dict)  # servers kept for the whole session

    @property
    def student_folders(self) -> list[Path]:
        week = self.root / self.folder
        return [week / "src" / self.folder / "starter", week / "tests" / "student"]

    def run(self, task: int) -> TaskRun:
        """The task's tests against the starter: a session forked from this warm process, on the
        database server the watcher keeps for its lifetime (a second or two, not ten)."""
        targets = [f"{self.folder}/tests/project"]
        job = batch.Job(targets, "starter", {"PYTHONPATH": str(self.root / self.folder / "src")},
                        [*batch.lean_args(self.root, targets), "--task", str(task)])  # fmt: skip
        [outcome] = batch.run(self.root, [job], parallel=1, test_timeout=30, services=self.services)
        tests = results.from_report(outcome.report) if outcome.report else []
        return TaskRun(task, tests, check.locations(outcome.report), outcome.reason())

    def title(self, task: int) -> str:
        return hints.title(self.info, task)

    def first_open(self, start: int) -> TaskRun | None:
        """Run tasks from index ``start`` on until one does not pass; None when all pass."""
        for task in self.tasks[start:]:
            result = self.run(task)
            if not result.passed:
                return result
            earned, possible = results.total(result.tests)
            self.news.append(f"Task {task} ({self.title(task)}) passes: "
                             f"{results.fmt(earned)}/{results.fmt(possible)} points.")  # fmt: skip
            self.hint_level = 1
        return None

    def screen(self, result: TaskRun, findings: list[str]) -> str:
        task = result.task
        position = self.tasks.index(task) + 1
        lines = [f"{self.folder} watch: Task {task}, {self.title(task)}"
                 f"   ({position} of {len(self.tasks)} tasks)", KEYS, ""]  # fmt: skip
        lines += self.news
        if self.news:
            lines.append("")
        if result.problem:
            lines += [f"Your code could not be tested: {result.problem}", ""]
        failed = [t for t in result.tests if t.status in ("fail", "error")]
        passing = sum(t.status == "pass" for t in result.tests)
        lines.append(f"Task {task}: {passing} of {len(result.tests)} tests pass.")
        if failed:
            first = failed[0]
            message = check.short_message(first.message).replace("\n", "\n    ")
            lines += [f"  {check.test_name(first.name)}", f"    {message}"]
            for place in check.work_in(failed, result.where)[: check.MAX_PLACES]:
                lines.append(f"  Edit: {place}")
        info = self.info.get(task)
        if info and failed:
            lines += ["", *check.hint_lines(info, self.hint_level, "")]
            if len(info.levels) > self.hint_level:
                lines.append(f"(h shows hint {self.hint_level + 1} of {len(info.levels)})")
        if findings:
            lines += ["", *findings]
        watched = " and ".join(
            f"{p.relative_to(self.root)}/" for p in self.student_folders if p.is_dir()
        )
        lines += ["", f"Watching {watched} ..."]
        return "\n".join(lines)

    def show(self, text: str) -> None:
        self.out((CLEAR if sys.stdout.isatty() else "\n" + "-" * 72 + "\n") + text)
        self.news = []

    def loop(self, keys: changes.Keys) -> int:
        self.tasks = task_numbers(self.root, self.folder)
        self.info = hints.load(self.root / self.folder)
        if not self.tasks:
            self.out(f"{self.folder} has no tasks to watch (no tests marked with a task).")
            return 2
        self.out(f"{self.folder}: looking for the first task whose tests do not pass yet ...")
        since = changes.snapshot(self.student_folders)
        current = self.first_open(0)
        findings: list[str] = []
        while current is not None:
            self.show(self.screen(current, findings))
            changed, since, key = changes.wait(self.student_folders, since, keys)
            if key == "q":
                return 0
            if key == "h":
                self.hint_level = min(self.hint_level + 1, 3)
                continue
            if key is not None and key != "r":
                continue
            running = lint.start(self.root, changed)
            current = self.first_open(self.tasks.index(current.task))
            findings = lint.finish(running)
        self.show("\n".join([*self.news, "", f"All {len(self.tasks)} tasks of {self.folder} pass. "
                             f"`make check-week {self.week}` shows your points."]))  # fmt: skip
        return 0


def watch(root: Path, week: str) -> int:
    """``testkit watch N``: until every task passes, or q / Ctrl-C."""
    folder = paths.week_folder(week)
    if not (root / folder / "tests" / "project").is_dir():
        print(f"{folder} has no project tests in this checkout.")
        return 2
    keys = changes.Keys()
    targets = [f"{folder}/tests/project"]
    try:
        with keys.active(), batch.shared_services(root, targets) as services:
            return Watch(root, folder, week, services=services).loop(keys)
    except KeyboardInterrupt:
        print("\nStopped watching.")
        return 0

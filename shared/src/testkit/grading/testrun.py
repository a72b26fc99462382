"""A graded pytest run: in the sandbox, read live from the result stream, resumed after a hang.

The grader reads each test's result from the stream while the tests run (``stream``). It also
watches the clock: a test that is still running ``test_timeout * 1.5 + 5`` seconds after it
started (pytest-timeout, inside, gives up at ``test_timeout`` when it can: an endless loop in a
thread, a blocked C call or a hanging fixture teardown defeat it) is stopped by killing the
sandbox. That test scores 0 with the reason, and the run starts again with the tests not yet
run, so one hang costs one test. A crash (``os._exit``, a segfault) is handled the same way.
``time_limit`` bounds the whole run, restarts included.

Two tests of the grader's own (a tripwire) run last, one that must pass and one that must fail,
under names made up for this run: reporting that a failing test passed means the branch's code
changed how pytest reports, and the branch is flagged for review.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import select
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from testkit import batch
from testkit.grading import results, stream
from testkit.grading.runner import OUTPUT_TAIL, first_error, last_line
from testkit.grading.sandbox import Process, Sandbox
from testkit.grading.stream import Event, EventReader

MAX_ATTEMPTS = 10
DRAIN_SECONDS = 2.0
EXIT_GRACE = 5.0  # after pytest said it finished: threads or atexit handlers that never end
SOFT_TIMEOUT = re.compile(r"Timeout \(>[\d.]+s\)")
# The plugins a graded run may load (PYTEST_DISABLE_PLUGIN_AUTOLOAD is set inside): no others.
# The costly ones only where a test file names them (as ``batch.lean_args`` does): about 2 s of a
# sandboxed run's 4 s on the course machine.
PLUGINS = (
    "testkit.plugin",
    "pytest_asyncio.plugin",
    "pytest_timeout",
    "anyio.pytest_plugin",
    "_hypothesis_pytestplugin",
    "schemathesis.pytest.plugin",
)
CANARY = """\
def test_{token}_a() -> None:
    assert {a} == {b}


def test_{token}_b() -> None:
    assert {c} == {d}
"""


@dataclass
class RunResult:
    """What a graded run reported, in the order the tests ran."""

    tests: list[results.TestOutcome] = field(default_factory=list)
    reason: str | None = None  # why some or all tests could not run
    timed_out: bool = False  # the whole run hit its time limit
    problems: list[str] = field(default_factory=list)  # for a person: the run did odd things
    attempts: int = 0
    duration: float = 0.0
    output: str = ""
    coverage: float | None = None  # % of ``GradedRun.coverage`` covered (said by the run itself)


@dataclass
class Canary:
    """The tripwire: ``names[0]`` must fail, ``names[1]`` must pass."""

    target: str
    names: tuple[str, str]

    @classmethod
    def write(cls, tree: Path, where: str) -> Canary:
        """The two tests in a new package in ``tree / where`` (a folder the run collects, so
        that its conftest files apply to them as to the tests)."""
        token = secrets.token_hex(6)
        package = tree / where / f"t_{token}"
        package.mkdir()
        (package / "__init__.py").touch()
        number = secrets.randbelow(1000) + 2
        fail_first = secrets.randbelow(2) == 0
        same, different = (number, number), (number, number + 1)
        (a, b), (c, d) = (different, same) if fail_first else (same, different)
        (package / f"test_{token}.py").write_text(CANARY.format(token=token, a=a, b=b, c=c, d=d))
        base = f"{where}/t_{token}/test_{token}.py::test_{token}"
        failing, passing = (f"{base}_a", f"{base}_b") if fail_first else (f"{base}_b", f"{base}_a")
        return cls(f"{where}/t_{token}", (failing, passing))

    def verdict(self, got: dict[str, results.TestOutcome]) -> list[str]:
        failing, passing = (got.get(name) for name in self.names)
        problems = []
        if failing is not None and failing.status != "fail":
            problems.append(
                f"a test of the grader's that must fail was reported as {failing.status}: "
                "the branch's code changed how pytest reports results"
            )
        if passing is not None and passing.status != "pass":
            problems.append(
                f"a test of the grader's that must pass was reported as {passing.status}: "
                "the branch's code interferes with pytest"
            )
        return problems


# The costly plugins' modules -> the words of a test that need them (as ``batch`` knows them).
OPTIONAL_PLUGINS = {
    "schemathesis.pytest.plugin": batch.OPTIONAL_PLUGINS["schemathesis"],
    "_hypothesis_pytestplugin": batch.OPTIONAL_PLUGINS["hypothesispytest"],
}


def installed_plugins(sources: str | None = None) -> list[str]:
    """The allowed plugins that are installed; with the tests' ``sources``, only the costly
    ones those name."""
    import importlib.util

    def wanted(name: str) -> bool:
        words = OPTIONAL_PLUGINS.get(name, ())
        return sources is None or not words or any(word in sources for word in words)

    return [n for n in PLUGINS if wanted(n) and importlib.util.find_spec(n) is not None]


def pytest_args(
    tree: Path, folder: str, targets: Sequence[str], impl: str, test_timeout: float | None
) -> list[str]:
    """The grader's configuration only: its pyproject (``-c``), its plugins, its rootdir."""
    args = [str(tree / t) for t in targets]
    args += ["-c", str(tree / "pyproject.toml"), f"--rootdir={tree}",
             f"--confcutdir={tree / folder / 'tests'}", "-p", "no:cacheprovider"]  # fmt: skip
    for plugin in installed_plugins(batch.test_sources(tree, targets)):
        args += ["-p", plugin]
    args += [f"--impl={impl}", "--no-report", "-q", "--no-header", "--tb=native",
             "--continue-on-collection-errors"]  # fmt: skip
    if test_timeout is not None:
        args.append(f"--timeout={test_timeout:g}")
    return args


def describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"exit code {code}"


def node_id(key: str) -> str:
    """``path::test#2`` (the second item of that node id) -> ``path::test``."""
    return key.rsplit("#", 1)[0] if re.search(r"#\d+$", key) else key


def combine(outcomes: list[results.TestOutcome]) -> results.TestOutcome:
    """One outcome for items sharing a node id: the worst status, the time of all."""
    worst = max(outcomes, key=lambda t: WORSE[t.status])
    return replace(
        worst,
        duration=sum(t.duration for t in outcomes),
        timed_out=any(t.timed_out for t in outcomes),
        service_unavailable=any(t.service_unavailable for t in outcomes),
    )


def outcome(event: Event) -> results.TestOutcome:
    message = event.get("message")
    message = str(message) if message is not None else None
    task, points = event.get("task"), event.get("points", 1)
    return results.TestOutcome(
        name=str(event["name"]),
        task=task if isinstance(task, int) else None,
        points=float(points) if isinstance(points, int | float) else 1.0,
        status=event["status"] if event.get("status") in ("pass", "fail", "error", "skip") else "error",
        message=message,
        duration=float(event.get("duration") or 0.0),
        service_unavailable=bool(event.get("service_unavailable")),
        timed_out=bool(message and SOFT_TIMEOUT.search(message)),
    )  # fmt: skip


WORSE = {"pass": 0, "skip": 1, "fail": 2, "error": 3}


@dataclass
class GradedRun:
    """One graded run across its attempts (see the module docstring)."""

    sandbox: Sandbox
    tree: Path
    folder: str
    targets: Sequence[str]
    impl: str
    time_limit: float
    test_timeout: float | None
    canary: str | None = None  # where the tripwire goes (default: <folder>/tests); "" for none
    log: Path | None = None  # the console output of every attempt (default: in the tree's parent)
    coverage: Path | None = None  # a folder to measure branch coverage of (pytest-cov)

    got: dict[str, results.TestOutcome] = field(default_factory=dict, init=False)
    exit: str = field(default="", init=False)  # how the last process ended
    order: list[str] = field(default_factory=list, init=False)
    result: RunResult = field(default_factory=RunResult, init=False)

    @property
    def env(self) -> dict[str, str]:
        """For the tests' own subprocesses (``python -m <week>.starter...``): the same code."""
        return {"IMPL": self.impl, "PYTHONPATH": str(self.tree / self.folder / "src")}

    @property
    def hard_limit(self) -> float | None:
        return None if self.test_timeout is None else self.test_timeout * 1.5 + 5

    def run(self) -> RunResult:
        started = time.monotonic()
        deadline = started + self.time_limit
        where = f"{self.folder}/tests" if self.canary is None else self.canary
        canary = Canary.write(self.tree, where) if where else None
        targets = [*self.targets, *([canary.target] if canary else [])]
        log = self.log or self.tree.parent / f"{self.tree.name}-output.log"
        with log.open("wb") as output:
            while self.result.attempts < MAX_ATTEMPTS:
                self.result.attempts += 1
                before = len(self.got)
                more = self._attempt(targets, deadline, output)
                if not more or len(self.got) == before:
                    break
        self.result.output = log.read_bytes()[-OUTPUT_TAIL:].decode(errors="replace")
        self._finish(canary)
        self.result.duration = time.monotonic() - started
        return self.result

    def _finish(self, canary: Canary | None) -> None:
        if canary is not None:
            self.result.problems += canary.verdict(self.got)
            for name in canary.names:
                self.got.pop(name, None)
        by_name: dict[str, list[results.TestOutcome]] = {}
        for key in self.order:
            if key in self.got:
                by_name.setdefault(node_id(key), []).append(self.got[key])
        self.result.tests = [combine(group) for group in by_name.values()]
        if self.result.reason is None and not self.order:
            problem = first_error(self.result.output) or last_line(self.result.output)
            self.result.reason = f"pytest stopped before running any test ({self.exit}): {problem}"

    def _attempt(self, targets: list[str], deadline: float, output: Any) -> bool:
        """Run the tests not yet reported; True if another attempt should follow."""
        payload = {
            "args": pytest_args(self.tree, self.folder, targets, self.impl, self.test_timeout),
            "done": list(self.got),
            "coverage": str(self.coverage) if self.coverage else None,
        }
        read_end, stream_fd = stream.pipe()
        try:
            process = self.sandbox.start(
                "pytest", payload, tree=self.tree, path=[self.tree / self.folder / "src"],
                stream_fd=stream_fd, output=output, env=self.env,
            )  # fmt: skip
        finally:
            os.close(stream_fd)
        state = _Attempt(self, process, read_end)
        try:
            return state.follow(deadline)
        finally:
            process.close()
            os.close(read_end)


class _Attempt:
    """Follow one process's events until it ends, hangs in a test or runs out of time."""

    def __init__(self, run: GradedRun, process: Process, fd: int) -> None:
        self.run, self.process, self.fd = run, process, fd
        self.reader = EventReader()
        self.collected: list[str] | None = None
        self.current: str | None = None
        self.current_since = 0.0
        self.finished = False
        self.finished_at = 0.0
        self.collect_errors: list[str] = []
        self.internal_error: str | None = None
        self.eof = False

    @property
    def result(self) -> RunResult:
        return self.run.result

    def follow(self, deadline: float) -> bool:
        hard = self.run.hard_limit
        while True:
            now = time.monotonic()
            if self.finished and now - self.finished_at >= EXIT_GRACE:
                self.process.kill()  # every result is in: only its exit hangs, and costs nothing
                self._drain()
                return self._more()
            if now >= deadline:
                self._stop(f"timed out after {self.run.time_limit:g} s: the run's time limit")
                self.result.timed_out = True
                self.result.reason = (
                    f"timed out after {self.run.time_limit:g} s (an endless loop or a blocking "
                    "call?): the tests that had not run score 0"
                )
                return False
            if self.current is not None and hard is not None and now - self.current_since >= hard:
                self._stop(
                    f"timed out: still running after {hard:g} s, so the grader stopped it "
                    "(an endless loop or a blocking call?)"
                )
                return self._more()
            limit = (
                deadline
                if self.current is None or hard is None
                else min(deadline, self.current_since + hard)
            )
            self._read(min(max(limit - now, 0.0), 0.25))
            if self.process.popen.poll() is not None:
                self.process.kill()  # anything it left behind (none-kind sandboxes: a sweep)
                self._drain()
                if self.current is not None:
                    code = describe_exit(self.process.popen.returncode)
                    self._record_stop(
                        f"the test process ended while this test ran ({code}): os._exit, "
                        "sys.exit in a thread, a crash or a resource limit"
                    )
                return self._more()

    def _more(self) -> bool:
        """After a process ended: why it stopped early, and whether to resume."""
        if self.internal_error is not None:
            self.result.reason = self.result.reason or self.internal_error
        if self.collect_errors and self.result.reason is None:
            message = self.collect_errors[0]
            self.result.reason = (
                f"the code does not import: {first_error(message) or last_line(message)}"
            )
        if self.collected is None:
            self.run.exit = describe_exit(self.process.popen.returncode)
            return False
        remaining = [name for name in self.collected if name not in self.run.got]
        return bool(remaining) and self.internal_error is None

    def _stop(self, message: str) -> None:
        self.process.kill()
        self._drain()
        self._record_stop(message, timed_out=True)

    def _record_stop(self, message: str, *, timed_out: bool = False) -> None:
        if self.current is not None and self.current not in self.run.got:
            self.run.got[self.current] = results.TestOutcome(
                node_id(self.current), "error", message, timed_out=timed_out
            )
        self.current = None

    def _drain(self) -> None:
        """Read what is left in the pipe (every writer is dead or soon will be)."""
        until = time.monotonic() + DRAIN_SECONDS
        while not self.eof and time.monotonic() < until:
            self._read(0.05)

    def _read(self, timeout: float) -> None:
        if self.eof:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return
        data = os.read(self.fd, 1 << 16)
        if not data:
            self.eof = True
            return
        for event in self.reader.feed(data):
            self._handle(event)
        if self.reader.garbage:
            self._problem("the result stream carried lines that are not the grader's events")

    def _problem(self, text: str) -> None:
        if text not in self.result.problems:
            self.result.problems.append(text)

    def _handle(self, event: Event) -> None:
        kind = event["event"]
        if kind == "collected":
            tests = event.get("tests")
            if self.collected is not None or not isinstance(tests, list):
                self._problem("the result stream said twice which tests were collected")
                return
            self.collected = [str(t) for t in tests]
            if not self.run.order:
                self.run.order = list(self.collected)
            elif [t for t in self.collected if t not in self.run.order]:
                self._problem("a resumed run collected tests the first attempt did not")
        elif kind == "start":
            name = str(event.get("test"))
            if self.collected is None or name not in self.collected or name in self.run.got:
                self._problem(f"the result stream started a test out of turn ({name})")
                return
            self.current, self.current_since = name, time.monotonic()
        elif kind == "result":
            self._result(event)
        elif kind == "collect_error":
            self.collect_errors.append(str(event.get("message")))
        elif kind == "internal_error":
            self.internal_error = f"pytest stopped with an internal error: {event.get('message')}"
        elif kind == "finish":
            self.finished, self.finished_at = True, time.monotonic()
        elif kind == "coverage" and isinstance(event.get("percent"), int | float):
            self.result.coverage = float(event["percent"])
        else:
            self._problem(f"the result stream carried an unknown event {kind!r}")

    def _result(self, event: Event) -> None:
        try:
            got = outcome(event)
        except (KeyError, TypeError, ValueError, AttributeError):
            self._problem("the result stream carried a malformed result")
            return
        key = str(event.get("test"))
        if key != self.current or node_id(key) != got.name:
            self._problem(f"the result stream reported a test that was not running ({key})")
            earlier = self.run.got.get(key)
            if earlier is not None and WORSE[got.status] > WORSE[earlier.status]:
                self.run.got[key] = got  # never let a second word improve a result
            return
        self.run.got[key] = got
        self.current = None

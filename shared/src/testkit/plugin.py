"""The testkit pytest plugin (registered by entry point, so every week gets it).

- ``--impl NAME`` (or ``IMPL``): which implementation project tests import (see ``testkit.impl``);
- ``--services start|skip``: start PostgreSQL/Redis, or skip tests that need them if impossible;
- ``--task N`` (repeatable): run only the tests of task N of the brief (``check-week TASK=N``);
- ``--deep``: the hostile-input and concurrency suite runs its long version (``hostile_budget``);
- markers ``points(n)`` and ``task(n)``;
- a JSON report per run in ``.reports/`` (see ``testkit.report``);
- the fixtures of ``testkit.fixtures``;
- the code blocks of week READMEs and ``weekNN/docs/*.md`` as tests (``testkit.markdown_examples``);
- on Python 3.11, ``ast.parse`` serialised by a lock (see ``serialised``).
"""

from __future__ import annotations

import ast
import functools
import os
import sys
import threading
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import ParamSpec, TypeVar

import pytest

from testkit import impl, markdown_examples
from testkit.fixtures import (
    asgi_client,
    celery_worker,
    db_connection,
    db_engine,
    db_session,
    hostile_budget,
    live_server,
    postgres_url,
    redis_server,
    redis_url,
    reused_redis_server,
    s3_server,
    session_redis_server,
    smtp_server,
)
from testkit.report import Report, TestResult, report_dir, shorten
from testkit.services.errors import SKIP_PREFIX, ServiceUnavailable

__all__ = [
    "asgi_client",
    "celery_worker",
    "db_connection",
    "db_engine",
    "db_session",
    "hostile_budget",
    "live_server",
    "postgres_url",
    "redis_server",
    "redis_url",
    "reused_redis_server",
    "s3_server",
    "session_redis_server",
    "smtp_server",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("testkit", "course testkit")
    group.addoption(
        "--impl",
        default=os.environ.get("IMPL") or impl.DEFAULT_IMPL,
        help="implementation package the project tests run against: solution (default) or starter",
    )
    group.addoption(
        "--services",
        choices=("start", "skip"),
        default=os.environ.get("TESTKIT_SERVICES", "start"),
        help="start: start PostgreSQL/Redis as needed (default); skip: skip tests whose service is missing",
    )
    group.addoption(
        "--report-file", default=None, help="where to write the JSON report (default .reports/)"
    )
    group.addoption("--no-report", action="store_true", help="do not write the JSON report")
    group.addoption(
        "--task",
        action="append",
        type=int,
        default=[],
        metavar="N",
        help="run only the tests marked @pytest.mark.task(N) (repeatable)",
    )
    group.addoption(
        "--deep",
        action="store_true",
        default=bool(os.environ.get("TESTKIT_DEEP")),
        help="run the hostile-input and concurrency suite's long version (more values, bigger bursts)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    return markdown_examples.collect(file_path, parent)


@pytest.fixture
def _markdown_request(request: pytest.FixtureRequest) -> pytest.FixtureRequest:
    """The request of a Markdown example: its evaluators ask for fixtures only when needed."""
    return request


P = ParamSpec("P")
R = TypeVar("R")


def serialised(parse: Callable[P, R]) -> Callable[P, R]:
    """``parse`` behind a lock: one thread at a time builds an AST.

    CPython 3.11 keeps the AST constructor's recursion depth in per-interpreter state (see
    python/cpython#106905 and pytest-dev/pytest#10874): a thread that parses while another one is
    in the middle of a parse (pytest formatting a failure while a live app's server thread formats
    a traceback, whose caret anchors parse source too) can crash pytest with "SystemError: AST
    constructor recursion depth mismatch", an INTERNALERROR that ends the whole run.
    """
    lock = threading.RLock()

    @functools.wraps(parse)
    def parse_alone(*args: P.args, **kwargs: P.kwargs) -> R:
        with lock:
            return parse(*args, **kwargs)

    return parse_alone


def pytest_configure(config: pytest.Config) -> None:
    if sys.version_info < (3, 12) and not hasattr(ast.parse, "__wrapped__"):
        ast.parse = serialised(ast.parse)
    config.addinivalue_line(
        "markers", "points(n): points this test is worth in grading (default 1)"
    )
    config.addinivalue_line("markers", "task(n): the task of the week's brief this test checks")
    try:
        impl.select(config.getoption("impl"))
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from exc
    if not config.getoption("no_report"):
        config.pluginmanager.register(ReportPlugin(config), "testkit-report")


def pytest_report_header(config: pytest.Config) -> str:
    return f"testkit: impl={impl.current()} services={config.getoption('services')}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Give the tracer back after each test: code that runs pdb (a lecture, a README example)
    ends with ``sys.settrace(None)``, which would switch coverage off for every later test."""
    tracer = sys.gettrace()
    try:
        return (yield)
    finally:
        if sys.gettrace() is not tracer:
            sys.settrace(tracer)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--task N``: keep only the tests of those tasks (the others are reported as deselected)."""
    wanted = set(config.getoption("task"))
    if not wanted:
        return
    keep = [item for item in items if _marker_number(item, "task") in wanted]
    dropped = [item for item in items if _marker_number(item, "task") not in wanted]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def where_in_impl(excinfo: pytest.ExceptionInfo[BaseException], root: Path) -> str | None:
    """``path:line in function`` of the innermost frame of the implementation under test.

    For a TODO that is the ``raise NotImplementedError`` line the student replaces; for a bug, the
    line of their code where it broke. None when the failure never reached their code (a test's
    own ``assert`` on a returned value).
    """
    name = impl.current()
    for entry in reversed(excinfo.traceback):
        path = Path(str(entry.path))
        parts = path.parts
        if any(_in_impl(parts[i + 1 :], name) for i in range(len(parts) - 2) if parts[i] == "src"):
            shown = path.relative_to(root) if path.is_relative_to(root) else path
            return f"{shown}:{entry.lineno + 1} in {entry.frame.code.raw.co_qualname}"
    return None


def _in_impl(parts: tuple[str, ...], name: str) -> bool:
    """``<package>/<name>/...`` or a DSA implementation, ``<package>/dsa/<name>/...``."""
    return parts[1:2] == (name,) or parts[1:3] == ("dsa", name)


def _marker_number(item: pytest.Item, name: str) -> float | None:
    marker = item.get_closest_marker(name)
    if marker is None:
        return None
    if len(marker.args) != 1 or not isinstance(marker.args[0], int | float) or marker.args[0] < 0:
        raise pytest.UsageError(f"{item.nodeid}: use @pytest.mark.{name}(n) with one number n >= 0")
    number: float = marker.args[0]  # an int stays an int in the report
    return number


class ReportPlugin:
    """Collects one ``TestResult`` per test and writes the report at the end of the session."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.report = Report(impl=impl.current())
        self.results: dict[str, TestResult] = {}
        self.meta: dict[str, tuple[int | None, float]] = {}
        self.folder: str | None = None
        self.started = time.monotonic()

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            task, points = _marker_number(item, "task"), _marker_number(item, "points")
            self.meta[item.nodeid] = (
                int(task) if task is not None else None,
                1 if points is None else points,
            )
        if items and self.folder is None:
            self.folder = Path(items[0].nodeid.split("::")[0]).parts[0]

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.report.message = (
                f"collection failed in {report.nodeid}:\n{shorten(report.longreprtext)}"
            )

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        excinfo = call.excinfo
        if excinfo is not None and not report.skipped:
            report.user_properties.append(("message", shorten(excinfo.exconly())))
            if where := where_in_impl(excinfo, self.config.rootpath):
                report.user_properties.append(("where", where))
            if excinfo.errisinstance(ServiceUnavailable):
                report.user_properties.append(("service_unavailable", True))
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        task, points = self.meta.get(report.nodeid, (None, 1))
        result = self.results.setdefault(
            report.nodeid, TestResult(report.nodeid, "pass", None, task, points)
        )
        result.duration += report.duration
        props = dict(report.user_properties)
        if report.skipped and result.status == "pass":
            reason = (
                report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            )
            result.status, result.message = "skip", reason.removeprefix("Skipped: ")
            result.service_unavailable = result.message.startswith(SKIP_PREFIX)
        elif report.failed:
            result.status = "fail" if report.when == "call" else "error"
            result.message = str(props.get("message") or shorten(report.longreprtext))
            result.service_unavailable = bool(props.get("service_unavailable"))
            if props.get("where"):
                self.report.where[report.nodeid] = str(props["where"])

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if not self.results and self.report.message is None:
            return
        self.report.tests = list(self.results.values())
        self.report.duration = time.monotonic() - self.started
        option = self.config.getoption("report_file")
        name = f"{self.folder or 'tests'}-{self.report.impl}.json"
        self.report.write(Path(option) if option else report_dir(self.config.rootpath) / name)

"""The pytest side of the result stream (see ``stream``): registered by ``inside`` in graded runs."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from testkit.grading.stream import Write
from testkit.plugin import ReportPlugin
from testkit.report import shorten

KEY = pytest.StashKey[str]()


class StreamPlugin(ReportPlugin):
    """The testkit's report, sent test by test instead of written to a file at the end.

    ``done`` are tests an earlier attempt of the same run already reported: they are deselected,
    so a run that hung in one test resumes after it. Each item has a key of its own: its node id,
    with ``#2``, ``#3``... for later items of the same id (schemathesis makes one item per API
    operation, all under the test function's id).
    """

    def __init__(self, config: pytest.Config, send: Write, done: Iterable[str] = ()) -> None:
        super().__init__(config)
        self.send = send
        self.done = set(done)
        self.key = ""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        super().pytest_collection_modifyitems(items)
        seen: dict[str, int] = {}
        for item in items:
            seen[item.nodeid] = seen.get(item.nodeid, 0) + 1
            count = seen[item.nodeid]
            item.stash[KEY] = item.nodeid if count == 1 else f"{item.nodeid}#{count}"
        skipped = [item for item in items if item.stash[KEY] in self.done]
        if skipped:
            items[:] = [item for item in items if item.stash[KEY] not in self.done]
            self.config.hook.pytest_deselected(items=skipped)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.send({"event": "collected", "tests": [item.stash[KEY] for item in session.items]})

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        super().pytest_collectreport(report)
        if report.failed:
            self.send({"event": "collect_error", "message": self.report.message})

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> None:
        self.key = item.stash[KEY]
        self.results.pop(item.nodeid, None)  # a result per item, even where node ids repeat
        self.send({"event": "start", "test": self.key})

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        super().pytest_runtest_logreport(report)
        if report.when == "teardown":
            result = self.results[report.nodeid]
            self.send({
                "event": "result", "test": self.key, "name": result.name, "status": result.status,
                "message": result.message, "duration": result.duration,
                "service_unavailable": result.service_unavailable,
                "task": result.task, "points": result.points,
            })  # fmt: skip

    def pytest_internalerror(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        self.send(
            {"event": "internal_error", "message": shorten(f"INTERNALERROR {excinfo.exconly()}")}
        )

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.send({"event": "finish", "exit": int(session.exitstatus)})

"""The result stream: the plugin's events (in-process, with pytester) and how the grader reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from testkit.grading import results, testrun
from testkit.grading.stream import Event
from testkit.grading.stream_plugin import StreamPlugin

TESTS = """\
import pytest


@pytest.mark.task(1)
@pytest.mark.points(2)
def test_passes():
    pass


def test_fails():
    assert 1 == 2


def test_exits():
    raise SystemExit(3)


def test_skips():
    pytest.skip("not today")
"""


def stream(pytester: pytest.Pytester, *args: str, done: tuple[str, ...] = ()) -> list[Event]:
    events: list[Event] = []

    class Register:
        @staticmethod
        def pytest_configure(config: pytest.Config) -> None:
            config.pluginmanager.register(StreamPlugin(config, events.append, done), "stream")

    pytester.inline_run("--no-report", "-p", "no:cacheprovider", *args, plugins=[Register()])
    return events


def test_each_test_is_sent_as_it_ends(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_sample=TESTS)
    events = stream(pytester)
    names = [f"test_sample.py::test_{n}" for n in ("passes", "fails", "exits", "skips")]
    assert events[0] == {"event": "collected", "tests": names}
    assert [e["event"] for e in events[1:]] == ["start", "result"] * 4 + ["finish"]
    results_ = {e["test"]: e for e in events if e["event"] == "result"}
    assert results_[names[0]] | {"duration": 0} == {
        "event": "result", "test": names[0], "name": names[0], "status": "pass", "message": None,
        "duration": 0, "service_unavailable": False, "task": 1, "points": 2,
    }  # fmt: skip
    assert results_[names[1]]["message"].startswith("AssertionError: assert 1 == 2")
    assert results_[names[2]]["message"] == "SystemExit: 3"
    assert results_[names[3]]["status"] == "skip"
    assert events[-1] == {"event": "finish", "exit": 1}


def test_tests_already_reported_are_left_out(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_sample=TESTS)
    events = stream(pytester, done=("test_sample.py::test_passes", "test_sample.py::test_fails"))
    assert events[0]["tests"] == ["test_sample.py::test_exits", "test_sample.py::test_skips"]


def test_items_sharing_a_node_id_get_keys_of_their_own(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_sample="def test_one():\n    pass\n")
    pytester.makeconftest(  # as schemathesis does: another item under the same id
        "import pytest\n\n\ndef pytest_collection_modifyitems(items):\n"
        "    first = items[0]\n"
        "    items.append(pytest.Function.from_parent(first.parent, name=first.name, callobj=first.obj))\n"
    )
    events = stream(pytester)
    keys = ["test_sample.py::test_one", "test_sample.py::test_one#2"]
    assert events[0]["tests"] == keys
    assert [e["test"] for e in events if e["event"] == "result"] == keys


def test_collection_and_internal_errors_are_sent(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_broken="def test_x(:\n    pass\n", test_ok="def test_ok():\n    pass\n"
    )
    pytester.makeconftest("def pytest_runtest_logfinish(nodeid):\n    raise RuntimeError('boom')\n")
    events = stream(pytester, "--continue-on-collection-errors")
    kinds = [e["event"] for e in events]
    assert "collect_error" in kinds
    [internal] = [e for e in events if e["event"] == "internal_error"]
    assert internal["message"] == "INTERNALERROR RuntimeError: boom"


class FakeRun:
    """What ``_Attempt`` needs of a ``GradedRun``."""

    def __init__(self) -> None:
        self.got: dict[str, results.TestOutcome] = {}
        self.order: list[str] = []
        self.result = testrun.RunResult()
        self.hard_limit = None


def attempt() -> Any:
    return testrun._Attempt(FakeRun(), None, -1)  # type: ignore[arg-type]


def result(key: str, status: str = "pass") -> Event:
    return {"event": "result", "test": key, "name": testrun.node_id(key), "status": status}


def test_the_grader_keeps_only_results_that_follow_the_protocol() -> None:
    state = attempt()
    state._handle({"event": "collected", "tests": ["a", "b", "b#2"]})
    state._handle(result("a"))  # nothing was running: a forged line
    state._handle({"event": "start", "test": "a"})
    state._handle(result("a", "fail"))
    state._handle(result("a", "pass"))  # a second word may not improve the first
    state._handle({"event": "start", "test": "zzz"})
    state._handle({"event": "collected", "tests": []})
    state._handle({"event": "mystery"})
    state._handle({"event": "start", "test": "b#2"})
    state._handle({"event": "result", "test": "b#2"})  # malformed: no name, no status
    assert {k: v.status for k, v in state.run.got.items()} == {"a": "fail"}
    assert state.run.result.problems == [
        "the result stream reported a test that was not running (a)",
        "the result stream started a test out of turn (zzz)",
        "the result stream said twice which tests were collected",
        "the result stream carried an unknown event 'mystery'",
        "the result stream carried a malformed result",
    ]


def test_a_worse_second_word_replaces_the_first() -> None:
    state = attempt()
    state._handle({"event": "collected", "tests": ["a"]})
    state._handle({"event": "start", "test": "a"})
    state._handle(result("a", "pass"))
    state._handle(result("a", "error"))
    assert state.run.got["a"].status == "error"


def test_items_of_one_node_id_become_one_outcome() -> None:
    outcomes = [
        results.TestOutcome("t", "pass", duration=1.0),
        results.TestOutcome("t", "fail", "AssertionError", duration=2.0, timed_out=True),
    ]
    combined = testrun.combine(outcomes)
    assert (combined.status, combined.message, combined.duration, combined.timed_out) == (
        "fail", "AssertionError", 3.0, True,
    )  # fmt: skip
    assert testrun.node_id("a.py::t[x]#12") == "a.py::t[x]"
    assert testrun.node_id("a.py::t[#1]") == "a.py::t[#1]"


def test_exits_are_described() -> None:
    assert testrun.describe_exit(0) == "exit code 0"
    assert testrun.describe_exit(-9) == "killed by SIGKILL"
    assert testrun.describe_exit(-200) == "killed by signal 200"
    assert testrun.describe_exit(None) == "still running"


def test_pytest_args_use_only_the_graders_configuration(tmp_path: Path) -> None:
    args = testrun.pytest_args(tmp_path, "week99", ["week99/tests/project"], "starter", 2)
    assert args[:3] == [
        str(tmp_path / "week99/tests/project"),
        "-c",
        str(tmp_path / "pyproject.toml"),
    ]
    assert f"--rootdir={tmp_path}" in args
    assert args[args.index("testkit.plugin") - 1 : args.index("testkit.plugin") + 1] == [
        "-p",
        "testkit.plugin",
    ]
    assert "--timeout=2" in args
    assert "schemathesis.pytest.plugin" not in args  # no test names it: not worth its import


def test_costly_plugins_load_only_where_a_test_names_them(tmp_path: Path) -> None:
    (tmp_path / "test_api.py").write_text("import schemathesis\n")
    args = testrun.pytest_args(tmp_path, "week99", ["test_api.py"], "starter", None)
    assert {"schemathesis.pytest.plugin", "_hypothesis_pytestplugin"} <= set(args)
    assert testrun.installed_plugins() == testrun.installed_plugins("schemathesis")

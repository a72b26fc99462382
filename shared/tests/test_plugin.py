"""The pytest plugin: --impl, markers, the JSON report, services that cannot start."""

from __future__ import annotations

import ast
import json
import sys
import threading
import time
from pathlib import Path

import pytest

from testkit.plugin import serialised
from testkit.report import shorten

TESTS = """
import pytest

@pytest.mark.task(1)
@pytest.mark.points(2)
def test_passes():
    assert True

@pytest.mark.task(2)
def test_fails():
    assert 1 + 1 == 3

@pytest.mark.task(2)
@pytest.mark.points(3)
def test_not_implemented():
    raise NotImplementedError("TODO: write me")

@pytest.fixture
def broken():
    raise RuntimeError("fixture broke")

def test_error(broken):
    pass
"""


def _report(pytester: pytest.Pytester, *args: str) -> dict[str, object]:
    out = pytester.path / "report.json"
    pytester.runpytest("-p", "no:cacheprovider", f"--report-file={out}", *args)
    data: dict[str, object] = json.loads(out.read_text())
    return data


def test_report_has_status_points_tasks_and_messages(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_sample=TESTS)
    data = _report(pytester)
    assert data["version"] == 3
    assert data["status"] == "fail"
    assert data["impl"] == "solution"
    assert data["points"] == {"earned": 2, "possible": 7}
    tests = {t["name"].split("::")[1]: t for t in data["tests"]}  # type: ignore[attr-defined]
    assert tests["test_passes"]["status"] == "pass"
    assert tests["test_passes"]["task"] == 1
    assert tests["test_fails"]["status"] == "fail"
    assert tests["test_fails"]["message"].startswith("AssertionError: assert")
    assert tests["test_not_implemented"]["message"] == "NotImplementedError: TODO: write me"
    assert tests["test_error"]["status"] == "error"
    assert "fixture broke" in tests["test_error"]["message"]


def test_default_report_location_is_dot_reports(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_ok="def test_ok():\n    pass\n")
    pytester.runpytest("-p", "no:cacheprovider")
    assert (
        json.loads((pytester.path / ".reports" / "test_ok.py-solution.json").read_text())["status"]
        == "pass"
    )


def test_collection_error_is_reported_as_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_broken="import no_such_module\n")
    data = _report(pytester)
    assert data["status"] == "error"
    assert "no_such_module" in str(data["message"])


def test_impl_option_and_env(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(
        test_impl="from testkit import impl\n\ndef test_impl():\n    print(impl.current())\n"
    )
    assert _report(pytester, "--impl=starter")["impl"] == "starter"
    monkeypatch.setenv("IMPL", "starter")
    assert _report(pytester)["impl"] == "starter"
    result = pytester.runpytest("--impl=Bad Name")
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_bad_marker_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_m="import pytest\n\n@pytest.mark.points('many')\ndef test_x():\n    pass\n"
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.stderr.fnmatch_lines(["*use @pytest.mark.points(n) with one number*"])


def test_unavailable_service_is_flagged_not_blamed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PG_BINDIR", str(pytester.path))  # no pg_ctl there
    monkeypatch.delenv("TEST_DATABASE_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    pytester.makepyfile(test_db="def test_db(postgres_url):\n    pass\n")
    skipped = _report(pytester, "--services=skip")["tests"][0]  # type: ignore[index]
    assert skipped["status"] == "skip"
    assert skipped["service_unavailable"] is True
    errored = _report(pytester)["tests"][0]  # type: ignore[index]
    assert errored["status"] == "error"
    assert errored["service_unavailable"] is True
    assert "PG_BINDIR" in errored["message"]


def test_report_can_be_disabled(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_ok="def test_ok():\n    pass\n")
    pytester.runpytest("-p", "no:cacheprovider", "--no-report")
    assert not Path(pytester.path / ".reports").exists()


def test_task_option_runs_only_that_tasks_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_sample=TESTS)
    data = _report(pytester, "--task=2")
    names = sorted(t["name"].split("::")[1] for t in data["tests"])  # type: ignore[attr-defined]
    assert names == ["test_fails", "test_not_implemented"]


def test_failures_in_the_implementation_say_where(pytester: pytest.Pytester) -> None:
    package = pytester.path / "src" / "weekx"
    (package / "starter").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "starter" / "__init__.py").write_text("")
    (package / "starter" / "shop.py").write_text(
        "class Cart:\n    def total(self) -> int:\n"
        "        raise NotImplementedError('TODO: add the prices')\n"
    )
    pytester.syspathinsert(pytester.path / "src")
    pytester.makepyfile(
        test_shop="""
        from testkit import impl_module

        def test_total():
            assert impl_module("weekx", "shop").Cart().total() == 3

        def test_plain_assert():
            assert 1 == 2
        """
    )
    data = _report(pytester, "--impl=starter")
    tests = {t["name"].split("::")[1]: t for t in data["tests"]}  # type: ignore[attr-defined]
    assert tests["test_total"]["where"] == "src/weekx/starter/shop.py:3 in Cart.total"
    assert "where" not in tests["test_plain_assert"]  # it never reached the student's code


def test_a_test_ending_tracing_does_not_end_it_for_later_ones(pytester: pytest.Pytester) -> None:
    # pdb finishes with sys.settrace(None); without the plugin's guard, coverage would stop counting.
    pytester.makeconftest(
        """
import sys

def tracer(frame, event, arg):
    return None

sys.settrace(tracer)
"""
    )
    pytester.makepyfile(
        test_trace="""
import sys

def test_runs_pdb_like_code():
    assert sys.gettrace() is not None
    sys.settrace(None)

def test_later_still_has_the_tracer():
    assert sys.gettrace() is not None
"""
    )
    pytester.runpytest_subprocess("-p", "no:cov").assert_outcomes(passed=2)


def test_a_long_message_keeps_its_first_line_and_its_end() -> None:
    # pytest on CI does not truncate assertion diffs: the kind of failure must survive shortening.
    message = "AssertionError: the API no longer matches\n" + "x" * 5000 + "\nthe end"
    short = shorten(message)
    assert short.startswith("AssertionError: the API no longer matches\n...\n")
    assert short.endswith("the end")
    assert len(short) <= 2000 + len("\n...\n")


def test_serialised_parses_run_one_at_a_time() -> None:
    inside, most = 0, 0

    def slow_parse(source: str) -> str:
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        time.sleep(0.01)  # long enough for the other threads to try to come in
        inside -= 1
        return source

    parse = serialised(slow_parse)
    threads = [threading.Thread(target=parse, args=("x = 1",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1
    assert parse("y = 2") == "y = 2"


def test_the_plugin_serialises_ast_parse_on_python_3_11_only() -> None:
    assert hasattr(ast.parse, "__wrapped__") == (sys.version_info < (3, 12))
    assert isinstance(ast.parse("x = 1"), ast.Module)

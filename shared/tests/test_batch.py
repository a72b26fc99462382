"""Many short pytest sessions: forked from a warm parent (or subprocesses), a time limit each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from testkit import batch, shadow

from . import minicourse


@pytest.fixture(params=["fork", "subprocess"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "subprocess":
        monkeypatch.setenv("TESTKIT_NO_FORK", "1")
    elif not batch.forking():
        pytest.skip("forking sessions is for Linux")
    return str(request.param)


def test_jobs_run_in_order_with_their_own_impl_and_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {
        "week99/tests/project/test_env.py":
            "import os\n\ndef test_env() -> None:\n    assert os.environ['WHICH'] == 'second'\n",
    })  # fmt: skip
    jobs = [
        batch.Job(["week99/tests/project/test_calc.py"], "solution"),
        batch.Job(["week99/tests/project/test_calc.py"], "starter"),
        batch.Job(["week99/tests/project/test_env.py"], "solution", {"WHICH": "second"}),
    ]
    solution, starter, env = batch.run(root, jobs)
    assert solution.exit_code == 0
    assert starter.exit_code == 1
    assert starter.report is not None
    assert {t["status"] for t in starter.report["tests"]} == {"fail"}
    assert "NotImplementedError" in starter.report["tests"][0]["message"]
    assert env.exit_code == 0


def test_a_session_over_its_time_limit_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {
        "week99/tests/project/test_slow.py":
            "import time\n\ndef test_slow() -> None:\n    time.sleep(60)\n",
    })  # fmt: skip
    [outcome] = batch.run(
        root, [batch.Job(["week99/tests/project/test_slow.py"])], time_limit=2, test_timeout=None
    )
    assert outcome.timed_out
    assert outcome.duration < 30
    assert "timed out after 2 s" in str(outcome.reason())


def test_sessions_import_a_shadow_instead_of_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {"week99/src/week99/words.txt": "data\n"})
    package = root / "week99" / "src" / "week99"
    with shadow.shadow(package) as copy:
        finished = copy.copy("solution", "starter", skip_stubs=True)
        assert "week99.solution" not in (finished / "calc.py").read_text()
        assert (finished.parent / "words.txt").read_text() == "data\n"  # data files beside code
        assert not (finished.parent / "solution").exists()  # code comes through __path__
        [outcome] = batch.run(root, [batch.Job(["week99/tests/project"], "starter", copy.env())])
    assert outcome.exit_code == 0  # the finished starter: the solution under the starter's name


def test_lean_args_leave_out_costly_plugins_the_tests_never_name(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_a.py").write_text("import hypothesis\n")
    args = batch.lean_args(tmp_path, ["tests"])
    assert "--tb=no" in args
    assert "no:schemathesis" in args
    assert "no:hypothesispytest" not in args


SPAWN_TEST = """\
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def test_a_spawned_worker_runs() -> None:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(os.getpid).result(timeout=60) != os.getpid()
"""
# A caller without a __main__ guard: a spawned worker that re-imported it would run it again.
CALLER = """\
import sys
from pathlib import Path
from testkit import batch

[outcome] = batch.run(Path(sys.argv[1]), [batch.Job(["week99/tests/project/test_spawn.py"])],
                      time_limit=90)
print("exit", outcome.exit_code, "calls", len(list(Path(sys.argv[1]).glob("called-*"))))
Path(sys.argv[1], f"called-{__name__}").touch()
"""


@pytest.mark.skipif(not batch.forking(), reason="forking sessions is for Linux")
def test_a_forked_session_is_pytests_main_for_spawned_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = minicourse.make(
        tmp_path, monkeypatch, {"week99/tests/project/test_spawn.py": SPAWN_TEST}
    )
    (tmp_path / "caller.py").write_text(CALLER)
    done = subprocess.run([sys.executable, str(tmp_path / "caller.py"), str(root)],
                          capture_output=True, text=True, timeout=300, check=True)  # fmt: skip
    assert done.stdout.strip() == "exit 0 calls 0"  # the worker never ran the caller's code

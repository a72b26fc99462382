"""The Celery worker fixture: a real worker process, ready when it answers a ping, that a test can
SIGKILL mid-task or stop warmly with SIGTERM, and that never outlives its test (even a failed one)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from celery import Celery, current_app

from testkit.celery_worker import CeleryWorker
from testkit.services.errors import ServiceUnavailable

HERE = Path(__file__).parent


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def wait_for_file(path: Path, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, f"{path} not written within {timeout} s"
        time.sleep(0.02)
    return path.read_text()


@pytest.fixture
def client(redis_url: str) -> Iterator[Celery]:
    app = Celery("probe_client", broker=redis_url, backend=redis_url)
    app.conf.update(task_serializer="json", accept_content=["json"], result_serializer="json")
    yield app
    app.close()


@pytest.fixture
def start(celery_worker: Callable[..., CeleryWorker], redis_url: str) -> Callable[[], CeleryWorker]:
    def start() -> CeleryWorker:
        return celery_worker(
            "celery_app:app", redis_url, env={"PROBE_BROKER": redis_url}, pythonpath=[HERE]
        )

    return start


def test_a_started_worker_answers_ping_and_runs_tasks(
    start: Callable[[], CeleryWorker], client: Celery
) -> None:
    worker = start()
    assert worker.ping()
    assert client.send_task("celery_app.add", (2, 3)).get(timeout=20) == 5
    assert "celery_app.add" in worker.log()


def test_kill_stops_the_worker_mid_task_and_restart_brings_it_back(
    start: Callable[[], CeleryWorker], client: Celery, tmp_path: Path
) -> None:
    worker = start()
    marker = tmp_path / "started"
    result = client.send_task("celery_app.hold", (30, str(marker)))
    pid = int(wait_for_file(marker))
    worker.kill()
    assert gone(pid)
    assert not worker.running()
    assert not worker.ping(timeout=0.2)
    assert result.state == "PENDING"  # never finished: nobody reported a result
    worker.restart()
    assert client.send_task("celery_app.add", (1, 1)).get(timeout=20) == 2


def test_terminate_lets_the_running_task_finish(
    start: Callable[[], CeleryWorker], client: Celery, tmp_path: Path
) -> None:
    worker = start()
    marker = tmp_path / "started"
    result = client.send_task("celery_app.hold", (1, str(marker)))
    wait_for_file(marker)
    assert worker.terminate() == 0
    assert result.get(timeout=5) == "finished"  # warm shutdown: the task was not cut short


def test_a_worker_that_cannot_import_its_app_fails_with_its_log(redis_url: str) -> None:
    worker = CeleryWorker("no_such_module:app", redis_url, ready_timeout=20)
    with pytest.raises(ServiceUnavailable, match="no_such_module"):
        worker.start()
    assert not worker.running()


def test_no_worker_outlives_a_failing_test(pytester: pytest.Pytester, tmp_path: Path) -> None:
    record = tmp_path / "pid.txt"
    pytester.makepyfile(
        f"""
        def test_fails(celery_worker, redis_server):
            url = redis_server.url()
            worker = celery_worker("celery_app:app", url, env={{"PROBE_BROKER": url}},
                                   pythonpath=[{str(HERE)!r}])
            open({str(record)!r}, "w").write(str(worker.process.pid))
            raise AssertionError("this test fails on purpose")
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(failed=1)
    assert gone(int(record.read_text()))


def test_starting_a_worker_leaves_the_current_app_alone(
    start: Callable[[], CeleryWorker], client: Celery
) -> None:
    client.set_current()  # shared tasks send through the current app: the probe must not replace it
    start()
    assert current_app.main == client.main  # the proxy still resolves to the test's app

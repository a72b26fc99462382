"""Many short pytest sessions of one week, cheaply: the student loop's and verification's engine.

``check-week`` scores a student's tests against every mutant, ``verify-week`` runs every test file
alone and every mutant against the reference tests: dozens of pytest sessions of a few tests each.
Most of a session's cost is starting it (importing pytest, its plugins, SQLAlchemy, FastAPI:
about 2 s of CPU) and starting PostgreSQL. So:

- **one server per batch**: one throwaway PostgreSQL and Redis for all the sessions
  (``TEST_DATABASE_URL``: each session still creates and drops its own database; ``REDIS_URL``
  with a database index of its own per parallel slot), started only if the week's tests use them;
- **a warm parent** (Linux): this process imports pytest, its plugins and the heavy libraries
  once, then forks one child per session. The child is a fresh session as far as the week's code
  goes (nothing of the week is imported before the fork), with its own environment, ``sys.path``,
  process group and time limit. Elsewhere (or with ``TESTKIT_NO_FORK=1``) each session is a plain
  subprocess;
- **lean sessions**: ``--tb=no`` (the report keeps each failure's message; formatting long
  tracebacks cost more than the tests), and pytest plugins the tests never mention are not
  loaded (schemathesis and hypothesis import in about a second).

Each job gives a ``runner.RunOutcome``, as a plain ``runner.run_tests`` would.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import os
import queue
import re
import signal
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from testkit import report
from testkit.grading import runner
from testkit.services.errors import ServiceUnavailable

# Plugins loaded by entry point that cost a lot to import; skipped when no test file names them.
OPTIONAL_PLUGINS = {"schemathesis": ("schemathesis",), "hypothesispytest": ("hypothesis", "schemathesis")}  # fmt: skip
PRELOAD = ("sqlalchemy.ext.asyncio", "sqlalchemy.dialects.postgresql", "asyncpg", "psycopg",
           "fastapi", "pydantic", "httpx", "starlette.testclient", "alembic.command", "anyio")  # fmt: skip
COURSE_PACKAGE = re.compile(r"^(?:week\d\d|capstone|deploy)(?:\.|$)")
POSTGRES_WORDS = ("postgres_url", "db_engine", "db_connection", "db_session")


@dataclass
class Job:
    """One pytest session: ``pytest TARGETS --impl IMPL ARGS`` with ``env`` added."""

    targets: list[str]
    impl: str = "solution"
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)


def test_sources(root: Path, targets: Sequence[str]) -> str:
    """The text of every test module and conftest under the targets (and their conftest parents)."""
    files: set[Path] = set()
    for target in targets:
        path = root / target.split("::")[0]
        files.update(path.rglob("*.py") if path.is_dir() else [path])
        files.update(p / "conftest.py" for p in path.parents if p.is_relative_to(root))
    return "\n".join(f.read_text(encoding="utf-8") for f in sorted(files) if f.is_file())


def lean_args(root: Path, targets: Sequence[str]) -> list[str]:
    """``--tb=no`` and ``-p no:PLUGIN`` for the costly plugins the targets never mention."""
    text = test_sources(root, targets)
    args = ["--tb=no"]
    for plugin, words in OPTIONAL_PLUGINS.items():
        if not any(word in text for word in words):
            args += ["-p", f"no:{plugin}"]
    return args


@contextlib.contextmanager
def shared_services(root: Path, targets: Sequence[str]) -> Iterator[dict[str, str]]:
    """Environment entries that point every session at one PostgreSQL/Redis, if the tests use them.

    Servers given by the caller's environment (``TEST_DATABASE_URL``, ``REDIS_URL``) are used as
    they are. If a server cannot start, nothing is set: each session then reports it in its tests
    ("service unavailable"), as a single run would.
    """
    from testkit.services.postgres import ThrowawayPostgres
    from testkit.services.redis import ThrowawayRedis

    text = test_sources(root, targets)
    env: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        if any(w in text for w in POSTGRES_WORDS) and not (
            os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
        ):
            with contextlib.suppress(ServiceUnavailable):
                server = ThrowawayPostgres()
                stack.callback(server.close)
                env["TEST_DATABASE_URL"] = server.url()
        if "redis_url" in text and not os.environ.get("REDIS_URL"):
            with contextlib.suppress(ServiceUnavailable):
                redis = ThrowawayRedis()
                stack.callback(redis.close)
                env["REDIS_URL"] = redis.url()
        yield env


@contextlib.contextmanager
def services_of(
    root: Path, targets: Sequence[str], given: Mapping[str, str] | None = None
) -> Iterator[dict[str, str]]:
    """``given`` (a caller's ``shared_services``, kept for several batches) as it is, or servers
    of this batch's own."""
    if given is not None:
        yield dict(given)
        return
    with shared_services(root, targets) as env:
        yield env


def forking() -> bool:
    return sys.platform == "linux" and not os.environ.get("TESTKIT_NO_FORK")


def preload() -> None:
    """Import what every session would import first, so forked children start warm."""
    import pytest  # noqa: F401

    for entry in importlib.metadata.entry_points(group="pytest11"):
        if entry.name not in OPTIONAL_PLUGINS:  # a session that needs those imports them itself
            with contextlib.suppress(Exception):
                entry.load()
    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


@dataclass
class _Running:
    index: int
    pid: int
    started: float
    report_file: Path
    log: Path
    slot: int


def _child(root: Path, job: Job, command: list[str], log: Path) -> None:
    """In the forked child: become a fresh pytest session with the job's environment; never return."""
    code = 3
    try:
        os.setsid()  # its own process group: a time limit kills the servers it starts too
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.chdir(root)
        os.environ.update(runner.python_env(job.env))
        # As in `python -m pytest` run in root: PYTHONPATH first, then the working folder.
        extra = [e for e in job.env.get("PYTHONPATH", "").split(os.pathsep) if e]
        sys.path[:0] = [*extra, str(root)]
        for name in [n for n in sys.modules if COURSE_PACKAGE.match(n)]:
            del sys.modules[name]  # the course's own code is always imported fresh
        importlib.invalidate_caches()
        import pytest

        # As in `python -m pytest`: a "spawn" process pool re-imports __main__ in its workers,
        # which must be pytest's entry module, not this process's (the testkit command).
        entry = importlib.import_module("pytest.__main__")
        sys.modules["__main__"], sys.argv = entry, [str(entry.__file__), *command]
        code = int(pytest.main(command))
    except BaseException:  # report anything, then leave without the parent's cleanup
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)  # not sys.exit: the parent's atexit handlers must not run here


def _outcome(item: _Running, status: int | None, limit: float) -> runner.RunOutcome:
    output = item.log.read_text(encoding="utf-8", errors="replace") if item.log.exists() else ""
    timed_out = status is None
    data = report.load(item.report_file) if item.report_file.exists() and not timed_out else None
    return runner.RunOutcome(
        report=data, exit_code=None if timed_out else status,
        duration=time.monotonic() - item.started, timed_out=timed_out, time_limit=limit,
        output=output[-runner.OUTPUT_TAIL :],
    )  # fmt: skip


def _in_slot(job: Job, slot: int) -> Job:
    """The job with a Redis database index of its parallel slot (15, 14, ...)."""
    return Job(job.targets, job.impl, {"TESTKIT_REDIS_DB": str(15 - slot), **job.env}, job.args)


def _command(job: Job, report_file: Path, test_timeout: float | None) -> list[str]:
    full = runner.pytest_command(
        job.targets, impl=job.impl, report_file=report_file, test_timeout=test_timeout
    )
    return [*full[3:], *job.args]  # without "python -m pytest"


def _fork_all(
    root: Path, jobs: Sequence[Job], tmp: Path, parallel: int, time_limit: float,
    test_timeout: float | None,
) -> list[runner.RunOutcome]:  # fmt: skip
    preload()
    sys.stdout.flush()
    sys.stderr.flush()
    results: dict[int, runner.RunOutcome] = {}
    running: dict[int, _Running] = {}
    pending = list(enumerate(jobs))
    free = list(range(parallel))
    while pending or running:
        while pending and free:
            index, job = pending.pop(0)
            slot = free.pop(0)
            report_file, log = tmp / f"{index}.json", tmp / f"{index}.log"
            command = _command(job, report_file, test_timeout)
            pid = os.fork()
            if pid == 0:
                _child(root, _in_slot(job, slot), command, log)
            running[pid] = _Running(index, pid, time.monotonic(), report_file, log, slot)
        done = False
        for pid in list(running):  # only our children: the caller may have others (Popen's)
            reaped, status = os.waitpid(pid, os.WNOHANG)
            if reaped == 0:
                continue
            item = running.pop(pid)
            free.append(item.slot)
            results[item.index] = _outcome(item, os.waitstatus_to_exitcode(status), time_limit)
            done = True
        if done:
            continue
        for item in list(running.values()):
            if time.monotonic() - item.started > time_limit:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(item.pid, signal.SIGKILL)
                os.waitpid(item.pid, 0)
                del running[item.pid]
                free.append(item.slot)
                results[item.index] = _outcome(item, None, time_limit)
        time.sleep(0.02)  # a child's exit is noticed within 20 ms; the children do the work
    return [results[i] for i in range(len(jobs))]


def run(
    root: Path,
    jobs: Sequence[Job],
    *,
    parallel: int = 2,
    time_limit: float = 300,
    test_timeout: float | None = 60,
    services: Mapping[str, str] | None = None,
) -> list[runner.RunOutcome]:
    """Run the jobs (``parallel`` at a time); the outcomes in job order.

    ``services`` (from ``shared_services``) is added to every job's environment; parallel slots
    get distinct Redis database indexes, so two sessions never flush each other's data.
    """
    parallel = max(1, parallel)
    prepared = [Job(j.targets, j.impl, {**(services or {}), **j.env}, j.args) for j in jobs]
    with tempfile.TemporaryDirectory(prefix="testkit-batch-") as tmp:
        if forking():
            return _fork_all(root, prepared, Path(tmp), parallel, time_limit, test_timeout)
        slots: queue.SimpleQueue[int] = queue.SimpleQueue()
        for slot in range(parallel):
            slots.put(slot)

        def one(job: Job) -> runner.RunOutcome:
            slot = slots.get()
            try:
                job = _in_slot(job, slot)
                return runner.run_tests(
                    root, job.targets, impl=job.impl, time_limit=time_limit,
                    test_timeout=test_timeout, env=job.env, extra_args=job.args,
                )  # fmt: skip
            finally:
                slots.put(slot)

        with ThreadPoolExecutor(max_workers=parallel) as pool:
            return list(pool.map(one, prepared))

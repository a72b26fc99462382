"""The grader's code that runs first in the sandbox, before any of the student's code.

    python -I -B -m testkit.grading.inside SPEC_JSON      (started by ``sandbox.Sandbox.start``)

``-I`` ignores ``PYTHON*`` variables, the user's site folder and the current folder; ``-B`` writes
no bytecode anywhere. Then, in this order: the resource limits (the student cannot raise them
again), ``sys.path`` cut down to the week's ``src`` folder and the locked environment (no
editable install of another week, no folder of the grader's checkout), the event pipe made
private to this process (not inherited by children), and one of the modes:

- ``pytest``: ``pytest.main`` with the grader's arguments and ``stream.StreamPlugin`` (with
  ``"coverage": FOLDER`` in the payload also pytest-cov, and the total sent as an event);
- ``openapi``: ``create_app().openapi()`` of a module, sent as an event;
- ``migrations``: the migrations round trip on a PostgreSQL server started here.

The spec: ``{"mode", "fd", "path": [...], "limits": {...}, "payload": {...}}``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import resource
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

import testkit
from testkit.grading import stream

RLIMITS = {
    "cpu_seconds": resource.RLIMIT_CPU,
    "memory_bytes": resource.RLIMIT_AS,
    "processes": resource.RLIMIT_NPROC,
    "file_bytes": resource.RLIMIT_FSIZE,
    "open_files": resource.RLIMIT_NOFILE,
}


def apply_limits(limits: dict[str, int | None]) -> None:
    """Soft and hard limit alike: the student's code can lower them, never raise them."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for name, which in RLIMITS.items():
        value = limits.get(name)
        if value is not None:
            _, hard = resource.getrlimit(which)
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(which, (value, value))


def isolated_path(week_src: list[str], current: list[str]) -> list[str]:
    """The week's ``src`` first, then only the standard library and the installed environment.

    Editable installs put every week's ``src`` (and the grader's testkit) on ``sys.path`` through
    ``.pth`` files; only the testkit's folder stays.
    """
    keep = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    keep |= {Path(p).resolve() for p in sysconfig.get_paths().values()}
    testkit_src = Path(testkit.__file__).resolve().parent.parent
    chosen = []
    for entry in current:
        path = Path(entry or ".").resolve()
        if path == testkit_src or any(path == k or k in path.parents for k in keep):
            chosen.append(entry)
    return [*week_src, *dict.fromkeys(chosen)]


def coverage_args(source: str) -> tuple[list[str], Path]:
    """pytest-cov options measuring branch coverage of ``source``; the JSON report's path."""
    scratch = Path(tempfile.mkdtemp(prefix="coverage-"))
    config = scratch / "coveragerc"
    greenlet = ", greenlet" if importlib.util.find_spec("greenlet") else ""  # SQLAlchemy's async
    config.write_text(f"[run]\nbranch = true\nconcurrency = thread{greenlet}\n")
    os.environ["COVERAGE_FILE"] = str(scratch / "data")
    report = scratch / "coverage.json"
    args = ["-p", "pytest_cov.plugin", f"--cov={source}", f"--cov-config={config}",
            "--cov-report=", f"--cov-report=json:{report}"]  # fmt: skip
    return args, report


def run_pytest(payload: dict[str, Any], send: stream.Write) -> int:
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugins named with -p load
    import pytest

    from testkit.grading.stream_plugin import StreamPlugin

    class Register:
        @staticmethod
        def pytest_configure(config: pytest.Config) -> None:
            plugin = StreamPlugin(config, send, payload.get("done", []))
            config.pluginmanager.register(plugin, "testkit-stream")

    args, report = list(payload["args"]), None
    if payload.get("coverage"):
        extra, report = coverage_args(payload["coverage"])
        args += extra
    code = int(pytest.main(args, plugins=[Register()]))
    if report is not None and report.is_file():
        totals = json.loads(report.read_text(encoding="utf-8")).get("totals", {})
        send({"event": "coverage", "percent": totals.get("percent_covered")})
    return code


def run_openapi(payload: dict[str, Any], send: stream.Write) -> int:
    app = importlib.import_module(payload["module"]).create_app()
    send({"event": "openapi", "document": app.openapi()})
    return 0


def run_migrations(payload: dict[str, Any], send: stream.Write) -> int:
    from testkit.grading import migrations
    from testkit.services.errors import ServiceUnavailable
    from testkit.services.postgres import ThrowawayPostgres

    try:
        server = ThrowawayPostgres()
    except ServiceUnavailable as exc:
        check = migrations.MigrationCheck(message=str(exc), service_unavailable=True)
    else:
        try:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(payload["path"])}
            check = migrations.check(
                Path(payload["tree"]), payload["folder"], server.url(), env=env
            )
        finally:
            server.close()
    send({"event": "migrations", "check": check.to_dict()})
    return 0


MODES = {"pytest": run_pytest, "openapi": run_openapi, "migrations": run_migrations}


def main(argv: list[str]) -> int:
    spec = json.loads(argv[1])
    apply_limits(spec["limits"])
    fd = int(spec["fd"])
    os.set_inheritable(fd, False)  # a child of the student's code never gets the pipe
    send = stream.writer(fd)
    sys.path[:] = isolated_path(spec["path"], sys.path)
    for folder in (os.environ.get("HOME"), os.environ.get("TMPDIR")):
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
    payload = {**spec["payload"], "path": spec["path"]}
    try:
        return MODES[spec["mode"]](payload, send)
    except Exception as exc:  # the student's code broke the mode: say how, in one line
        send({"event": "error", "message": f"{type(exc).__name__}: {exc}"})
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

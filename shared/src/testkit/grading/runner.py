"""Run project tests in a subprocess under a time limit and read the testkit's JSON report.

A student's code may hang, crash or never import: it runs in its own process group, which is
killed when the time limit is over (and after the run, with anything it left behind), so the
caller always gets an answer. The output goes to a file, not a pipe: a child that keeps the pipe
open cannot hold the caller up. This is the student's own check (``check-week``) and
``verify-week``; grading runs students' code in a sandbox instead (``testrun``, ``sandbox``).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from testkit import report

OUTPUT_TAIL = 4000
_ERROR_LINE = re.compile(
    r"^(?:E\s+)?(?P<error>[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b.*)$"
)
_FILE_LINE = re.compile(r'File "(?P<path>[^"]+)", line (?P<line>\d+)')


def bytecode_cache() -> Path:
    """Where subprocesses keep compiled bytecode: outside every source tree, reused across runs."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "course-testkit" / "pycache"


def python_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a Python subprocess on someone's code.

    Bytecode goes to ``bytecode_cache()`` (PYTHONPYCACHEPREFIX), not next to the sources: graded
    trees stay clean, and the testkit's dependencies are compiled once instead of on every run
    (about 2 s of CPU per pytest process otherwise).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(bytecode_cache()), **(extra or {})}


@dataclass
class RunOutcome:
    """What one pytest run left behind."""

    report: dict[str, Any] | None  # the JSON report, None if pytest never wrote one
    exit_code: int | None  # None when the run was killed for the time limit
    duration: float
    timed_out: bool
    time_limit: float
    output: str  # the end of pytest's console output, for diagnosis

    def reason(self) -> str | None:
        """Why the run could not grade every test, in one readable line (None if it could)."""
        if self.timed_out:
            return (
                f"timed out after {self.time_limit:g} s (an endless loop or a blocking call?): "
                "no test result"
            )
        if self.report is None:
            return (
                f"pytest stopped before writing a report (exit code {self.exit_code}): "
                f"{first_error(self.output) or last_line(self.output)}"
            )
        message = self.report.get("message")
        if message:
            return f"the code does not import: {first_error(str(message)) or message}"
        return None


def last_line(text: str) -> str:
    """The last non-empty line of some output (where tracebacks and CLIs put the error)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


def first_error(text: str) -> str | None:
    """The most telling line of a traceback: the last ``XyzError: ...`` (with file:line for syntax)."""
    lines = text.splitlines()
    for index in range(len(lines) - 1, -1, -1):
        match = _ERROR_LINE.match(lines[index].strip())
        if match is None:
            continue
        error = match["error"].strip()
        if error.startswith(("SyntaxError", "IndentationError", "TabError")):
            for earlier in reversed(lines[:index]):
                if where := _FILE_LINE.search(earlier):
                    return f"{error} ({Path(where['path']).name}, line {where['line']})"
        return error
    return None


def pytest_command(
    targets: Sequence[str], *, impl: str, report_file: Path, test_timeout: float | None
) -> list[str]:
    command = [sys.executable, "-m", "pytest", *targets, f"--impl={impl}"]
    command += [f"--report-file={report_file}", "-q", "--no-header", "-p", "no:cacheprovider"]
    if test_timeout is not None:
        # pytest-timeout fails just the endless test, so the other tests still score.
        command.append(f"--timeout={test_timeout:g}")
    return command


def run_tests(
    cwd: Path,
    targets: Sequence[str],
    *,
    impl: str = "starter",
    time_limit: float = 300,
    test_timeout: float | None = 30,
    env: Mapping[str, str] | None = None,
    extra_args: Sequence[str] = (),
    report_file: Path | None = None,
) -> RunOutcome:
    """Run ``pytest TARGETS --impl=IMPL`` in ``cwd``; kill it after ``time_limit`` seconds."""
    with tempfile.TemporaryDirectory(prefix="testkit-run-") as tmp:
        out = report_file or Path(tmp) / "report.json"
        if out.exists():
            out.unlink()  # never read a stale report as this run's
        command = pytest_command(targets, impl=impl, report_file=out, test_timeout=test_timeout)
        started = time.monotonic()
        with (Path(tmp) / "output.txt").open("w+b") as output:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                [*command, *extra_args],
                cwd=cwd,
                env=python_env(env),
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: one kill ends its children too
            )
            timed_out = False
            try:
                process.wait(timeout=time_limit)
            except subprocess.TimeoutExpired:
                timed_out = True
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            duration = time.monotonic() - started
            output.seek(0)
            text = output.read()[-OUTPUT_TAIL * 4 :].decode(errors="replace")
        data = report.load(out) if out.exists() and not timed_out else None
    return RunOutcome(
        report=data,
        exit_code=None if timed_out else process.returncode,
        duration=duration,
        timed_out=timed_out,
        time_limit=time_limit,
        output=text[-OUTPUT_TAIL:],
    )

"""The Makefile's switches do what its help says (checked with ``make -n``: nothing runs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from testkit import paths

ROOT = paths.course_root(Path(__file__).parent)
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(*args: str) -> str:
    """The commands ``make ARGS`` would run, without running them (bootstrap included)."""
    result = subprocess.run(
        ["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_progress_reads_the_reports_unless_run_is_set() -> None:
    # `RUN` was also the Makefile's name for its `uv run` prefix: `--run` was always passed.
    assert "--run" not in dry_run("progress")
    assert "progress --run" in dry_run("progress", "RUN=1")

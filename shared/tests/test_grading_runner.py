"""The student's own check (``runner.run_tests``): a child that keeps the output open is harmless."""

from __future__ import annotations

import time
from pathlib import Path

from testkit.grading import check, sample


def test_a_child_holding_the_output_does_not_hold_the_check(tmp_path: Path) -> None:
    sample.write_files(tmp_path, sample.BASE_FILES)
    spawn = "import subprocess\n\nsubprocess.Popen(['sleep', '600'])  # inherits stdout\n"
    sample.write_files(tmp_path, {sample.STARTER: spawn + sample.SOLUTION_TEXT})
    started = time.monotonic()
    code, text = check.check_week(tmp_path, "week99", test_timeout=5)
    assert (code, text.splitlines()[-1]) == (0, "Points 7/7")
    assert time.monotonic() - started < 60

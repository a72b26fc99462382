"""The traceback lecture: the chain is read cause first, each story from the raise upwards."""

from __future__ import annotations

import subprocess
import sys

import pytest
from week02.lectures import l1_tracebacks as lecture


def test_chained_exception_keeps_its_cause() -> None:
    with pytest.raises(lecture.ConfigError) as caught:
        lecture.start_server({"port": "80a"})

    assert isinstance(caught.value.__cause__, ValueError)


def test_the_chain_reads_root_cause_first_and_frames_outermost_first() -> None:
    with pytest.raises(lecture.ConfigError) as caught:
        lecture.start_server({"port": "80a"})

    cause, error = lecture.read_chain(caught.value)

    assert cause.summary == "ValueError: invalid literal for int() with base 10: '80a'"
    assert [f.function for f in cause.frames] == ["load_settings", "parse_port"]
    assert error.summary.endswith("ConfigError: port must be a whole number, got '80a'")
    assert [f.function for f in error.frames][-2:] == ["start_server", "load_settings"]
    assert error.frames[-1].line.startswith("raise ConfigError(")  # the deepest frame raised it


def test_python_prints_the_cause_first_with_the_linking_sentence() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "week02.lectures.l1_tracebacks"],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout

    assert (
        out.index("ValueError: invalid literal")
        < out.index("The above exception was the direct cause of the following exception:")
        < out.index("ConfigError: port must be a whole number")
    )

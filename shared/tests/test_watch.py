"""``make watch``: driven in a real terminal (tmux), as a student uses it, plus its parts."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from testkit import paths
from testkit.watch import changes, lint, session

from . import minicourse

ROOT = paths.course_root(Path(__file__).parent)
HINTS = """\
## Task 1: Adding

### 1. Nudge
Python has an operator for that.

### 2. Approach
Return the sum of both arguments.

## Task 2: Clamping
Think of min and max.
"""


def tmux_binary() -> str:
    """tmux, installed with apt-get if it is missing (the test needs a real terminal)."""
    if found := shutil.which("tmux"):
        return found
    subprocess.run(["apt-get", "install", "-y", "-q", "tmux"], check=False, capture_output=True)
    found = shutil.which("tmux")
    assert found, "tmux is needed to drive `make watch` in a terminal: apt-get install tmux"
    return found


class Terminal:
    """A tmux session: type into it, read its screen, wait for text with a deadline."""

    def __init__(self, tmux: str) -> None:
        self.tmux, self.name = tmux, f"watch-test-{uuid.uuid4().hex[:8]}"
        subprocess.run([tmux, "new-session", "-d", "-s", self.name, "-x", "160", "-y", "60", "bash"],
                       check=True)  # fmt: skip

    def type(self, *keys: str) -> None:
        subprocess.run([self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        return subprocess.run([self.tmux, "capture-pane", "-p", "-J", "-t", self.name],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip

    def wait_for(self, *texts: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while not all(t in (screen := self.screen()) for t in texts):
            assert time.monotonic() < deadline, f"never showed {texts}; the screen:\n{screen}"
            time.sleep(0.3)
        return screen

    def close(self) -> None:
        subprocess.run([self.tmux, "kill-session", "-t", self.name], check=False)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(tmux_binary())
    try:
        yield term
    finally:
        term.close()


def test_make_watch_moves_to_the_next_task_when_one_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: Terminal
) -> None:
    course = minicourse.make(tmp_path, monkeypatch, {"week99/hints.md": HINTS})
    starter = course / "week99" / "src" / "week99" / "starter" / "calc.py"
    command = f"cd {ROOT} && COURSE_ROOT={course} make watch N=week99; echo watch ended: $?"
    terminal.type(command, "Enter")
    screen = terminal.wait_for("week99 watch: Task 1, Adding   (1 of 2 tasks)", "test_add")
    assert "not implemented yet (TODO: add the numbers)" in screen
    assert "Edit: week99/src/week99/starter/calc.py:2 (add)" in screen
    assert "Hint 1/2 (Nudge): Python has an operator for that." in screen
    assert "Approach" not in screen

    terminal.type("h")
    terminal.wait_for("Hint 2/2 (Approach): Return the sum of both arguments.")

    text = starter.read_text().replace(
        '    raise NotImplementedError("TODO: add the numbers")', "    return a + b"
    )
    starter.write_text("import os\n" + text)  # a finding for ruff, which does not hold them back
    screen = terminal.wait_for(
        "Task 1 (Adding) passes: 1/1 points.", "week99 watch: Task 2, Clamping"
    )
    assert "Hint: Think of min and max." in screen
    assert "finding(s) in the files you saved (fix them, or keep going):" in screen
    assert "F401" in screen

    terminal.type("q")
    terminal.wait_for("watch ended: 0", timeout=30)


def test_task_numbers_come_from_markers_and_hints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = minicourse.make(tmp_path, monkeypatch, {"week99/hints.md": "## Task 3: Later\nSoon.\n"})
    assert session.task_numbers(root, "week99") == [1, 2, 3]


def test_changes_see_new_and_saved_files(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    before = changes.snapshot([tmp_path])
    (tmp_path / "b.py").write_text("y = 2\n")
    (tmp_path / "notes.txt").write_text("not code\n")
    assert changes.changed(before, changes.snapshot([tmp_path])) == [tmp_path / "b.py"]


def test_lint_reports_only_the_saved_files(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("def f() -> int:\n    return 1\n")
    (tmp_path / "bad.py").write_text("import os\n\n\ndef g(x):\n    return x\n")
    findings = lint.finish(lint.start(tmp_path, [tmp_path / "bad.py"]))
    assert findings[0] == "ruff: 1 finding(s) in the files you saved (fix them, or keep going):"
    assert any("F401" in line for line in findings)
    assert lint.finish(lint.start(tmp_path, [tmp_path / "ok.py"])) == [
        "ruff: all clear", "mypy: all clear"
    ]  # fmt: skip
    assert lint.finish(lint.start(tmp_path, [])) == []

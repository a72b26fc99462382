"""What the watcher waits for: a saved file in the student's folders, or a key press."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import termios
import time
import tty
from collections.abc import Iterator, Sequence
from pathlib import Path

WATCHED = {".py", ".sql"}
SETTLE = 0.2  # seconds without further changes before a save counts: editors write in steps


def snapshot(folders: Sequence[Path]) -> dict[Path, int]:
    """Modification time of every watched file under the folders."""
    return {
        path: path.stat().st_mtime_ns
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in WATCHED and "__pycache__" not in path.parts and path.is_file()
    }


def changed(before: dict[Path, int], after: dict[Path, int]) -> list[Path]:
    """Files added or modified between two snapshots (deleted ones are not there to check)."""
    return sorted(path for path, mtime in after.items() if before.get(path) != mtime)


class Keys:
    """Single key presses from the terminal (cbreak mode), or nothing when stdin is not one."""

    def __init__(self) -> None:
        self.fd = sys.stdin.fileno() if sys.stdin and not sys.stdin.closed else -1
        self.open = self.fd >= 0

    @contextlib.contextmanager
    def active(self) -> Iterator[Keys]:
        saved = None
        if self.open and os.isatty(self.fd):
            saved = termios.tcgetattr(self.fd)
            tty.setcbreak(self.fd)  # keys arrive one by one, without Enter; Ctrl-C still works
        try:
            yield self
        finally:
            if saved is not None:
                termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)

    def read(self, timeout: float) -> str | None:
        """A key pressed within ``timeout`` seconds, else None."""
        if not self.open:
            time.sleep(timeout)
            return None
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 1)
        if not data:  # end of input (not a terminal): stop listening for keys
            self.open = False
            return None
        return data.decode(errors="replace").lower()


def wait(
    folders: Sequence[Path], since: dict[Path, int], keys: Keys, poll: float = 0.3
) -> tuple[list[Path], dict[Path, int], str | None]:
    """Block until a watched file changes or a key is pressed: (changed files, new snapshot, key)."""
    while True:
        key = keys.read(poll)
        now = snapshot(folders)
        if key:
            return [], since, key
        if now != since:
            while (settled := snapshot(folders)) != now:  # wait until the editor is done writing
                now = settled
                time.sleep(SETTLE)
            return changed(since, now), now, None

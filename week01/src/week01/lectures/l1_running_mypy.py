"""Lecture 1: running mypy, the checker that reads your hints and catches bugs before run time.

In a project you run it from the shell (``uv run mypy src tests``; the course runs
``mypy --strict`` in CI). Here we call it through ``mypy.api`` on deliberately wrong snippets in
``mypy_examples/`` (kept out of the course's strict gate) so a test can prove it finds each bug.

Run: uv run python -m week01.lectures.l1_running_mypy
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from mypy import api

EXAMPLES = Path(__file__).parent / "mypy_examples"
_ERROR = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+): error: (?P<message>.*?)\s+\[(?P<code>[a-z-]+)\]$"
)
_EXPECT = re.compile(r"#\s*expect:\s*(?P<code>[a-z-]+)")


@dataclass(frozen=True)
class Finding:
    """One error mypy reported: where, which error code, and its message."""

    file: str
    line: int
    code: str
    message: str


def run_mypy(*paths: Path, cache_dir: Path | None = None) -> list[Finding]:
    """Type-check ``paths`` with ``--strict`` and return the errors mypy reports.

    Without ``cache_dir`` nothing is cached (``os.devnull``); with one, later runs reuse the
    standard library's analysis and take a fraction of the first run's time.
    """
    args = [
        "--strict",
        "--no-error-summary",
        "--config-file",  # our own flags only, whatever config the current folder holds
        os.devnull,
        "--cache-dir",  # never a .mypy_cache next to the examples
        str(cache_dir) if cache_dir else os.devnull,
        *map(str, paths),
    ]
    stdout, _stderr, _status = api.run(args)
    return [
        Finding(Path(m["file"]).name, int(m["line"]), m["code"], m["message"])
        for m in map(_ERROR.match, stdout.splitlines())
        if m
    ]


def planted_bugs(path: Path) -> list[tuple[str, int, str]]:
    """The bugs a snippet declares with ``# expect: <code>`` comments: (file, line, code)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (path.name, number, m["code"])
        for number, line in enumerate(lines, start=1)
        if (m := _EXPECT.search(line))
    ]


def main() -> None:
    snippets = sorted(EXAMPLES.glob("*.py"))
    print("$ mypy --strict " + " ".join(p.name for p in snippets))
    for finding in run_mypy(*snippets):
        print(f"{finding.file}:{finding.line}: [{finding.code}] {finding.message}")
    print(
        "fixed.py has no findings: narrowing (`if email is None`) and correct types fix all three."
    )


if __name__ == "__main__":
    main()

"""ruff and mypy on the files the student just saved, run alongside the tests, never blocking."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

MAX_LINES = 6  # per tool: the first findings are the ones to fix first


@dataclass
class Lint:
    root: Path
    files: list[str]
    running: dict[str, subprocess.Popen[str]] = field(default_factory=dict)


def start(root: Path, files: list[Path]) -> Lint:
    """Start ruff and mypy on the Python files among ``files`` (no files: nothing to run)."""
    shown = [f.relative_to(root) if f.is_relative_to(root) else f for f in files]
    python = [str(f) for f in shown if f.suffix == ".py"]
    lint = Lint(root, python)
    if not python:
        return lint
    commands = {
        "ruff": [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--output-format=concise",
            "--quiet",
            *python,
        ],
        "mypy": [
            sys.executable,
            "-m",
            "mypy",
            "--no-error-summary",
            "--hide-error-context",
            *python,
        ],
    }
    for tool, command in commands.items():
        lint.running[tool] = subprocess.Popen(  # noqa: S603 - our own tools on the student's files
            command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, text=True,
        )  # fmt: skip
    return lint


def finish(lint: Lint, timeout: float = 120) -> list[str]:
    """The tools' findings about the changed files (other files' findings left out), or all clear."""
    if not lint.files:
        return []
    lines = []
    for tool, process in lint.running.items():
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            lines.append(f"{tool}: no answer within {timeout:g} s")
            continue
        found = [line for line in output.splitlines() if line.startswith(tuple(lint.files))]
        if not found:
            lines.append(f"{tool}: all clear")
            continue
        lines.append(
            f"{tool}: {len(found)} finding(s) in the files you saved (fix them, or keep going):"
        )
        lines += [f"  {line}" for line in found[:MAX_LINES]]
        if len(found) > MAX_LINES:
            lines.append(f"  ... and {len(found) - MAX_LINES} more")
    return lines

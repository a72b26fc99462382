"""Lecture 1: reading a traceback, frame by frame.

A traceback is read from the BOTTOM up: the last line is the exception (type and message), the
frame just above it is where it was raised, and each frame above that is a caller. With
``raise ... from exc`` Python prints the original exception first, then "The above exception was
the direct cause of the following exception:", then the new one: two stories, cause first.

Run: ``uv run python -m week02.lectures.l1_tracebacks``
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass


class ConfigError(Exception):
    """The settings file is wrong; the message says which setting and why."""


def parse_port(value: str) -> int:
    return int(value)  # ValueError for "80a": the root cause, deepest frame


def load_settings(raw: dict[str, str]) -> dict[str, int]:
    try:
        return {"port": parse_port(raw["port"])}
    except ValueError as exc:
        # Translate to our own error, but keep the cause: "from exc" chains them.
        raise ConfigError(f"port must be a whole number, got {raw['port']!r}") from exc


def start_server(raw: dict[str, str]) -> None:
    settings = load_settings(raw)
    print(f"listening on {settings['port']}")


@dataclass(frozen=True)
class Frame:
    function: str
    line: str


@dataclass(frozen=True)
class Story:
    """One exception of a chain: its one-line summary and its frames, outermost first."""

    summary: str
    frames: list[Frame]


def read_chain(exc: BaseException) -> list[Story]:
    """The chain in the order Python prints it: root cause first, the exception caught last."""
    stories: list[Story] = []
    current: traceback.TracebackException | None = traceback.TracebackException.from_exception(exc)
    while current is not None:
        frames = [Frame(f.name, (f.line or "").strip()) for f in current.stack]
        summary = "".join(current.format_exception_only()).strip()
        stories.insert(0, Story(summary, frames))
        current = current.__cause__ or current.__context__
    return stories


def main() -> None:
    try:
        start_server({"port": "80a"})
    except ConfigError as exc:
        print("What Python prints:\n")
        traceback.print_exception(exc, file=sys.stdout)
        print("\nRead frame by frame (each story bottom-up: error, where raised, callers):")
        for number, story in enumerate(read_chain(exc), start=1):
            print(f"\n{number}. {story.summary}")
            for frame in reversed(story.frames):
                print(f"   in {frame.function}(): {frame.line}")


if __name__ == "__main__":
    main()

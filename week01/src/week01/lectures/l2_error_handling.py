"""Lecture 2: error handling patterns.

- ``try/except/else/finally``: ``else`` runs only when nothing was raised, ``finally`` always;
- ``raise NewError(...) from exc``: translate a low-level error, keeping the cause for the log;
- bare ``raise`` inside ``except``: log (or clean up) and re-raise the SAME exception;
- ``ExceptionGroup`` and ``except*`` (3.11+): report several independent failures at once.

Run: uv run python -m week01.lectures.l2_error_handling
"""

from __future__ import annotations

import json
from collections.abc import Callable

from week01.lectures.l2_exceptions import ConflictError, ValidationError


class ConfigError(Exception):
    """Raised when the configuration text cannot be used."""


def load_port(text: str, log: list[str]) -> int:
    """Every clause of ``try`` in one function; ``log`` records which ones ran."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        log.append("except")
        # The caller learns "bad config", the traceback still shows the JSON error as the cause.
        raise ConfigError(f"config is not valid JSON: {exc.msg}") from exc
    else:
        log.append("else")  # only reached when json.loads succeeded
        return int(data["port"])
    finally:
        log.append("finally")  # reached in both cases, even while the error propagates


def call_logged(func: Callable[[], int], log: list[str]) -> int:
    """Record a failure, then re-raise it unchanged: a handler that cannot fix it must not hide it."""
    try:
        return func()
    except Exception as exc:
        log.append(f"failed: {exc!r}")
        raise


def validate_users(rows: list[dict[str, str]]) -> None:
    """Check every row and report ALL problems at once, not only the first."""
    errors: list[Exception] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        email = row.get("email", "")
        if "@" not in email:
            errors.append(ValidationError(f"row {number}.email", "must contain @"))
        elif email in seen:
            errors.append(ConflictError(f"row {number}: duplicate email {email!r}"))
        seen.add(email)
    if errors:
        raise ExceptionGroup("invalid users", errors)


def summarise(rows: list[dict[str, str]]) -> list[str]:
    """``except*`` handles each kind in the group; each clause sees only its own kind."""
    lines: list[str] = []
    try:
        validate_users(rows)
    except* ValidationError as group:
        lines += [f"422 {e}" for e in group.exceptions]
    except* ConflictError as group:
        lines += [f"409 {e}" for e in group.exceptions]
    return lines


def main() -> None:
    for text in ('{"port": 8000}', "{port: 8000"):
        log: list[str] = []
        try:
            print(f"load_port({text!r}) ->", load_port(text, log), log)
        except ConfigError as exc:
            print(f"load_port({text!r}) -> ConfigError: {exc}; cause={exc.__cause__!r}", log)
    log = []
    try:
        call_logged(lambda: 1 // 0, log)
    except ZeroDivisionError as exc:
        print("re-raised unchanged    ->", repr(exc), log)
    rows = [{"email": "a@x"}, {"email": "nope"}, {"email": "a@x"}]
    print("except* summary        ->", summarise(rows))


if __name__ == "__main__":
    main()

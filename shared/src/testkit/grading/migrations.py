"""Migrations check for weeks with Alembic: upgrade head, downgrade base, upgrade head.

It runs on a fresh, empty database created for the check and dropped afterwards. The week's
``migrations/env.py`` must take the database from ``DATABASE_URL`` (the course's convention; the
URL is given as ``postgresql://``, env.py picks its driver). A round trip proves that every
``downgrade()`` undoes its ``upgrade()`` and that the chain applies from nothing.

Grading runs it in the sandbox (``in_sandbox``), with a PostgreSQL server started in there: the
migrations are the student's code.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from testkit.grading.runner import first_error, last_line, python_env
from testkit.grading.sandbox import Sandbox
from testkit.services.errors import ServiceUnavailable
from testkit.services.postgres import create_database, drop_database

STEPS = (("upgrade", "head"), ("downgrade", "base"), ("upgrade", "head"))
ALEMBIC = (sys.executable, "-m", "alembic")


@dataclass
class MigrationCheck:
    """The steps that ran, in order, and why the first failing one failed."""

    steps: list[tuple[str, bool]] = field(default_factory=list)
    message: str | None = None
    service_unavailable: bool = False

    @property
    def ok(self) -> bool:
        return (
            self.message is None
            and len(self.steps) == len(STEPS)
            and all(ok for _, ok in self.steps)
        )

    def line(self) -> str:
        """One report line: ``migrations: upgrade head ok, downgrade base ok, upgrade head ok``."""
        if self.service_unavailable:
            return f"migrations: not checked, PostgreSQL unavailable (not the student's failure): {self.message}"
        done = ", ".join(f"{step} {'ok' if ok else 'FAILED'}" for step, ok in self.steps)
        return f"migrations: {done}" + (f" - {self.message}" if self.message else "")

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "steps": [{"step": step, "ok": ok} for step, ok in self.steps],
            "message": self.message,
            "service_unavailable": self.service_unavailable,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MigrationCheck:
        return cls(
            steps=[(str(s["step"]), bool(s["ok"])) for s in data.get("steps", [])],
            message=None if data.get("message") is None else str(data["message"]),
            service_unavailable=bool(data.get("service_unavailable")),
        )


def has_migrations(tree: Path, folder: str) -> bool:
    return (tree / folder / "alembic.ini").is_file()


def check(
    tree: Path,
    folder: str,
    server_url: str,
    *,
    command: Sequence[str] = ALEMBIC,
    timeout: float = 120,
    env: Mapping[str, str] | None = None,
) -> MigrationCheck:
    """Run the three steps with ``command -c alembic.ini`` in ``tree/folder`` on a new database.

    ``env`` is the environment of the steps (default: ours, with the week's ``src`` on the path).
    """
    result = MigrationCheck()
    try:
        url = create_database(server_url, prefix="migrations")
    except ServiceUnavailable as exc:
        return MigrationCheck(message=str(exc), service_unavailable=True)
    base = python_env({"PYTHONPATH": str(tree / folder / "src")}) if env is None else env
    env = {**base, "DATABASE_URL": url}
    try:
        for verb, target in STEPS:
            step = f"{verb} {target}"
            try:
                done = subprocess.run(  # noqa: S603 - our interpreter and arguments
                    [*command, "-c", "alembic.ini", verb, target],
                    cwd=tree / folder, env=env, capture_output=True, text=True,
                    timeout=timeout, check=False,
                )  # fmt: skip
            except subprocess.TimeoutExpired:
                result.steps.append((step, False))
                result.message = f"{step} timed out after {timeout:g} s"
                break
            result.steps.append((step, done.returncode == 0))
            if done.returncode != 0:
                output = done.stderr + done.stdout
                result.message = f"{step}: {first_error(output) or last_line(output)}"
                break
    finally:
        drop_database(url)
    return result


def in_sandbox(tree: Path, folder: str, sandbox: Sandbox, timeout: float = 300) -> MigrationCheck:
    """``check`` inside ``sandbox``, on a PostgreSQL server started in there for it."""
    done = sandbox.call(
        "migrations", {"tree": str(tree), "folder": folder}, tree=tree,
        path=[tree / folder / "src"], timeout=timeout,
    )  # fmt: skip
    if done.timed_out:
        return MigrationCheck(message=f"the migrations check timed out after {timeout:g} s")
    event = done.event("migrations")
    if event is None or not isinstance(event.get("check"), dict):
        return MigrationCheck(message=f"the migrations check failed: {done.error()}")
    return MigrationCheck.from_dict(event["check"])

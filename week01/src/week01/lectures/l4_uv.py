"""Lecture 4: uv for project management, pyproject.toml and uv.lock.

``pyproject.toml`` is the single source of truth: name, version, Python range, dependencies
(with ranges) and tool configuration (ruff, mypy, pytest). ``uv.lock`` records the EXACT version
and hash of every package for every platform, so ``uv sync --locked`` rebuilds the same
environment anywhere. Commit both; never edit the lock by hand.

``walkthrough`` runs the real commands in a scratch folder and shows which file each one changes.
It runs offline: only the lock before any dependency is added needs no package index.

Run: uv run python -m week01.lectures.l4_uv
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WEEK_FOLDER = Path(__file__).resolve().parents[3]  # week01/ (lectures -> week01 -> src -> week01)

COMMANDS: list[tuple[str, str]] = [
    ("uv init --bare", "creates pyproject.toml ([project] name, version, requires-python)"),
    ("uv python install 3.12", "downloads a managed CPython into uv's cache (no project file)"),
    ("uv python pin 3.11", "writes .python-version: the interpreter uv uses for this project"),
    (
        "uv add 'httpx>=0.28'",
        "adds the range to [project] dependencies, updates uv.lock, syncs .venv",
    ),
    ("uv add --dev pytest", "adds pytest to [dependency-groups] dev (not shipped to production)"),
    ("uv remove httpx", "removes it from pyproject.toml and uv.lock, uninstalls it"),
    ("uv lock", "resolves every dependency to exact versions + hashes in uv.lock"),
    ("uv sync --locked", "makes .venv match uv.lock exactly; fails if the lock is out of date"),
    ("uv run pytest", "locks and syncs if needed, then runs the command inside .venv"),
]

LEGACY: list[tuple[str, str]] = [
    (
        "python -m venv .venv && source .venv/bin/activate",
        "uv creates .venv itself; `uv run` needs no activate",
    ),
    ("pip install httpx", "uv add httpx (also records it in pyproject.toml)"),
    ("pip install -r requirements.txt", "uv sync (uv pip install -r requirements.txt still works)"),
    (
        "pip freeze > requirements.txt",
        "uv lock (all platforms, hashes; freeze pins only this machine)",
    ),
    ("setup.py / setup.cfg", "pyproject.toml [project] and [build-system]"),
]


@dataclass(frozen=True)
class Step:
    command: str
    changed: list[str]  # files created or modified by the command


def uv_binary() -> str:
    """The uv executable: ``$UV`` (set by ``uv run``) or ``uv`` on PATH."""
    found = os.environ.get("UV") or shutil.which("uv")
    if found is None:
        raise FileNotFoundError("uv is not installed: python3 -m pip install --user uv")
    return found


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def walkthrough(folder: Path) -> list[Step]:
    """Run the uv project commands in the empty ``folder``; report what each one changed."""
    commands = [
        ["init", "--bare", "--name", "demo", "--no-workspace"],
        ["python", "pin", "3.11"],
        ["lock"],
        ["add", "--frozen", "httpx>=0.28"],  # --frozen: edit pyproject only, no lock (offline)
    ]
    env = {**os.environ, "UV_OFFLINE": "1", "UV_NO_CONFIG": "1", "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)  # the scratch project is not the course's environment
    steps = []
    for args in commands:
        before = _snapshot(folder)
        subprocess.run(  # noqa: S603  # fixed arguments, no shell
            [uv_binary(), *args], cwd=folder, env=env, check=True, capture_output=True
        )
        after = _snapshot(folder)
        changed = sorted(name for name, digest in after.items() if before.get(name) != digest)
        steps.append(Step("uv " + " ".join(args), changed))
    return steps


def week_project() -> dict[str, Any]:
    """This week's own pyproject.toml, the worked example."""
    with (WEEK_FOLDER / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def locked(package: str, lock_file: Path = WEEK_FOLDER.parent / "uv.lock") -> dict[str, Any]:
    """The ``[[package]]`` entry of ``package`` in the course's uv.lock (one lock for all weeks)."""
    with lock_file.open("rb") as file:
        packages: list[dict[str, Any]] = tomllib.load(file)["package"]
    for entry in packages:
        if entry["name"] == package:
            return entry
    raise KeyError(f"{package} is not in {lock_file}")


def main() -> None:
    project = week_project()["project"]
    print(
        f"week01/pyproject.toml: {project['name']} {project['version']}, "
        f"Python {project['requires-python']}, dependencies {project['dependencies']}"
    )
    mypy = locked("mypy")
    print(
        f"uv.lock pins mypy to exactly {mypy['version']} ({len(mypy.get('wheels', []))} wheels with hashes)"
    )
    print("\nuv commands and what they change:")
    for command, effect in COMMANDS:
        print(f"  {command:26} {effect}")
    print("\nlegacy workflow -> uv:")
    for old, new in LEGACY:
        print(f"  {old:50} -> {new}")
    print("\nrunning them in a scratch folder:")
    with tempfile.TemporaryDirectory() as tmp:
        for step in walkthrough(Path(tmp)):
            print(f"  $ {step.command:38} changed: {', '.join(step.changed)}")


if __name__ == "__main__":
    main()

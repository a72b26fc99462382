"""``make run`` (``testkit serve``): the newest finished project on the development services.

Starts PostgreSQL and Redis (``testkit.services.dev``) unless they are running, applies the week's
migrations (``alembic upgrade head`` where it has ``alembic.ini``), seeds demo data
(``scripts/seed.py``, idempotent) and serves ``create_app()`` with uvicorn until Ctrl-C. On the
way out it stops the services it started, leaves alone those that were already running, and says
which is which.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from testkit import paths
from testkit.services import dev
from testkit.services.errors import ServiceUnavailable

NAMES = {"postgres": "PostgreSQL", "redis": "Redis"}
SHUTDOWN_GRACE = 10  # seconds uvicorn gets to finish after Ctrl-C


def newest_app(root: Path) -> tuple[str, str] | None:
    """(folder, module) of the app to serve: the capstone's, else the newest week's."""
    found = [
        (folder, f"{app.parent.parent.name}.solution.main")
        for folder in paths.week_folders(root)
        for app in sorted((root / folder / "src").glob("*/solution/main.py"))
    ]
    chosen = [f for f in found if f[0] == "capstone"] or found
    return chosen[-1] if chosen else None


def _wait(command: list[str], env: dict[str, str], cwd: Path | None = None) -> int:
    """Run a command to its end; on Ctrl-C (which it got too) give it time to finish cleanly."""
    process = subprocess.Popen(command, env=env, cwd=cwd)  # noqa: S603 - our own commands
    try:
        return process.wait()
    except KeyboardInterrupt:
        try:
            process.wait(timeout=SHUTDOWN_GRACE)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        raise


def _run_app(root: Path, folder: str, module: str, urls: dict[str, str], port: int) -> int:
    env = {"APP_ENV": "development", **os.environ, **urls}  # the apps' development rules
    week = root / folder
    steps = []
    if (week / "alembic.ini").is_file():
        steps.append(
            ([sys.executable, "-m", "alembic", "-c", "alembic.ini", "upgrade", "head"], week)
        )
    if (week / "scripts" / "seed.py").is_file():
        steps.append(([sys.executable, str(week / "scripts" / "seed.py")], root))
    for command, cwd in steps:  # the schema, then the demo data
        if code := _wait(command, env, cwd):
            return code
    print(f"Serving {module} at http://127.0.0.1:{port}/docs (Ctrl-C stops it)", flush=True)
    return _wait([sys.executable, "-m", "uvicorn", "--factory", f"{module}:create_app",
                  "--host", "127.0.0.1", "--port", str(port)], env)  # fmt: skip


def goodbye(before: dict[str, bool], after: dict[str, bool], stopped: list[str]) -> str:
    """What happened to the services, in one or two lines."""
    kept = [NAMES[n] for n, running in after.items() if running and before.get(n)]
    lines = []
    if stopped:
        lines.append(f"Stopped {' and '.join(NAMES[n] for n in stopped)} (started by make run).")
    if kept:
        lines.append(f"Left running: {' and '.join(kept)} (running before make run; "
                     "`make services-down` stops them).")  # fmt: skip
    return "\n".join(lines)


def serve(root: Path, port: int = 8000) -> int:
    app = newest_app(root)
    if app is None:
        print("No week has an app to serve yet (the first one is week03).", file=sys.stderr)
        return 1
    data = root / ".data"
    before = dev.status(data)
    code = 1
    try:
        urls = dev.up(data, database=dev.DEMO_DATABASE)
        for name, url in urls.items():
            print(f"{name}={url}", flush=True)
        code = _run_app(root, *app, urls, port)
    except ServiceUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        code = 0
    finally:
        started = [
            name for name, running in dev.status(data).items() if running and not before[name]
        ]
        stopped = dev.down(data, only=started)
        print(goodbye(before, dev.status(data), stopped), flush=True)
    return code

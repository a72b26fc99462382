"""Development services behind ``make services-up`` / ``make services-down``.

Persistent data in ``<course root>/.data/`` (git-ignored), fixed ports, so ``make run`` works with
no Docker and no set-up. PostgreSQL runs as an unprivileged user when we are root; if that user
cannot reach ``.data/`` (a checkout under /root, say), the cluster lives under /var/tmp and
``.data/postgres`` links to it.
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Collection
from pathlib import Path

import psycopg
from psycopg import sql

from testkit.services.errors import ServiceUnavailable
from testkit.services.postgres import PostgresServer
from testkit.services.process import RunAs, port_open, reachable_by_others, run, wait_until
from testkit.services.redis import RedisServer, ping

PG_PORT = int(os.environ.get("DEV_PG_PORT", "54329"))
REDIS_PORT = int(os.environ.get("DEV_REDIS_PORT", "63799"))
DATABASE = "course"  # the students' database (weeks 05-12 default to it)
# `make run` serves the newest app on a database of its own: migrating "course" to the newest
# week's head would leave a student of an earlier week with revisions their Alembic cannot find.
DEMO_DATABASE = "demo"


def _pg_home(data: Path, run_as: RunAs | None) -> Path:
    link = data / "postgres"
    if link.is_symlink() or run_as is None or reachable_by_others(data):
        return link.resolve() if link.is_symlink() else link
    digest = hashlib.sha256(str(data.resolve()).encode()).hexdigest()[:12]
    home = Path("/var/tmp") / f"course-testkit-{digest}" / "postgres"  # noqa: S108 - deliberate
    home.mkdir(parents=True, exist_ok=True)
    home.parent.chmod(0o755)
    link.symlink_to(home)
    return home


def postgres(data: Path) -> PostgresServer:
    run_as = RunAs.for_postgres()
    data.mkdir(parents=True, exist_ok=True)
    home = _pg_home(data, run_as)
    home.mkdir(parents=True, exist_ok=True)
    return PostgresServer(home / "data", PG_PORT, run_as=run_as)


def up(data: Path, database: str = DATABASE) -> dict[str, str]:
    """Start both services if they are not running, create ``database``; return their URLs."""
    pg = postgres(data)
    if not (pg.datadir / "PG_VERSION").exists():
        pg.initdb()
    if not pg.running():
        if port_open(PG_PORT):
            raise ServiceUnavailable(
                f"port {PG_PORT} is taken by another program (set DEV_PG_PORT)"
            )
        pg.start(durable=True)
    _ensure_database(pg.url("postgres"), database)
    redis_dir = data / "redis"
    redis_dir.mkdir(parents=True, exist_ok=True)
    if not ping(REDIS_PORT):
        server = RedisServer(redis_dir, REDIS_PORT)
        run(server.command("--save", "60 1", "--daemonize", "yes", "--pidfile", str(redis_dir / "redis.pid"),
                           "--logfile", str(redis_dir / "redis.log")), None, redis_dir)  # fmt: skip
        wait_until(lambda: ping(REDIS_PORT), 10, f"redis-server on port {REDIS_PORT}")
    return urls(database)


def _ensure_database(server_url: str, database: str) -> None:
    with psycopg.connect(server_url, autocommit=True, connect_timeout=10) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def down(data: Path, only: Collection[str] = ("postgres", "redis")) -> list[str]:
    """Stop the services (both, or those named in ``only``; data is kept); return what stopped."""
    stopped = []
    pg = postgres(data)
    if "postgres" in only and pg.running():
        pg.stop(fast=False)
        stopped.append("postgres")
    if "redis" in only and ping(REDIS_PORT):
        with socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=2) as sock:
            sock.sendall(b"SHUTDOWN SAVE\r\n")
            sock.recv(64)
        wait_until(lambda: not ping(REDIS_PORT), 10, "redis-server shutdown")
        stopped.append("redis")
    return stopped


def status(data: Path) -> dict[str, bool]:
    return {"postgres": postgres(data).running(), "redis": ping(REDIS_PORT)}


def urls(database: str = DATABASE) -> dict[str, str]:
    return {
        "DATABASE_URL": f"postgresql://postgres@127.0.0.1:{PG_PORT}/{database}",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
    }

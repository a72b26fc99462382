from __future__ import annotations

from pathlib import Path

from week05.pg import has_statement, named_statements


def test_named_statements_split_a_file(tmp_path: Path) -> None:
    path = tmp_path / "x.sql"
    path.write_text("-- intro\n-- name: one\nSELECT 1;\n\n-- name: two\n-- why\nSELECT 2;\n")
    assert named_statements(path) == {"one": "SELECT 1;", "two": "-- why\nSELECT 2;"}


def test_has_statement_ignores_comments() -> None:
    assert not has_statement("-- TODO: write it\n  /* later */ ;\n")
    assert has_statement("-- Q1\nSELECT 1;")

"""The README's ER diagram matches schema.sql: every table is an entity, every foreign key a line."""

from __future__ import annotations

import re
from pathlib import Path

from week05.pg import Connect, run

import week05

README = Path(__file__).parents[1] / "README.md"
COMPOSE = Path(__file__).parents[1] / "compose.yaml"
# The reference schema: the diagram documents the solution (tests never import the solution).
SCHEMA = Path(week05.__file__).parent / "solution" / "schema.sql"


def mermaid_er(text: str) -> str:
    match = re.search(r"```mermaid\n(erDiagram\n.*?)```", text, re.S)
    assert match, "README has no mermaid erDiagram block"
    return match[1]


def test_er_diagram_matches_the_schema(connect: Connect) -> None:
    diagram = mermaid_er(README.read_text(encoding="utf-8"))
    with connect() as conn:
        conn.execute("SET client_min_messages = warning")
        run(conn, SCHEMA.read_text(encoding="utf-8"))
        tables = {
            t
            for (t,) in run(
                conn, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
        links = run(
            conn,
            "SELECT DISTINCT confrelid::regclass::text, conrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace",
        )
    entities = set(re.findall(r"^\s{4}(\w+) \{", diagram, re.M))
    assert entities == tables
    lines = set(re.findall(r"^\s{4}(\w+) [|}o{.-]+ (\w+) :", diagram, re.M))
    missing = [(a, b) for a, b in links if (a, b) not in lines and (b, a) not in lines]
    assert missing == []


def test_compose_file_is_documented_and_local_only() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    assert "127.0.0.1:5432:5432" in text
    assert "pg_isready" in text

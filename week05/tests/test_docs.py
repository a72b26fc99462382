"""The README says what the code does: lecture 1's ER diagram draws the normalized tables of
sql/l1_normalization.sql, and its naming contract is the one the project tests rely on."""

from __future__ import annotations

import re
from pathlib import Path

from week05.lectures.l1_relational import normalize
from week05.pg import Connect

from .er_diagrams import missing_attributes, missing_shapes, parse, read_tables
from .project.contract import CONTRACT

README = Path(__file__).parents[1] / "README.md"
COMPOSE = Path(__file__).parents[1] / "compose.yaml"
NORMALIZED = ("customers", "orders", "order_lines", "products")


def test_lecture_1_er_diagram_draws_the_normalized_tables(connect: Connect) -> None:
    diagram = parse(README.read_text(encoding="utf-8"))
    assert diagram is not None, "README has no mermaid erDiagram block"
    with connect() as conn:
        normalize(conn)  # the lecture's walk from the order book to 3NF
        tables = read_tables(conn, only=NORMALIZED)
    assert set(tables.columns) == set(NORMALIZED)
    assert missing_shapes(diagram, tables) == []
    assert missing_attributes(diagram, tables) == []


def test_the_naming_contract_in_the_readme_is_the_one_the_tests_use() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("#### The naming contract", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", section, re.M)
    documented = {table: tuple(re.findall(r"`(\w+)`", columns)) for table, columns in rows}
    assert documented == CONTRACT


def test_compose_file_is_documented_and_local_only() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    assert "127.0.0.1:5432:5432" in text
    assert "pg_isready" in text

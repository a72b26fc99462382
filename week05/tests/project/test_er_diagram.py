"""Task 2: er_diagram.md draws the schema of schema.sql: every table, column, key and foreign key.

The diagram is compared with the tables PostgreSQL reports for the loaded schema.sql, so it is
checked against your design, whatever it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..er_diagrams import Diagram, missing_attributes, missing_shapes, parse, read_tables
from .conftest import Project

pytestmark = pytest.mark.task(2)


def diagram(project: Project) -> Diagram:
    path: Path = project.runner.ER_DIAGRAM
    drawn = parse(path.read_text(encoding="utf-8"))
    assert drawn is not None, f"{path.name} has no ```mermaid block starting with erDiagram"
    return drawn


@pytest.mark.points(2)
def test_every_table_is_an_entity_and_every_foreign_key_a_relationship(project: Project) -> None:
    tables = read_tables(project.require())
    problems = missing_shapes(diagram(project), tables)
    assert problems == [], "er_diagram.md: " + "; ".join(problems)


@pytest.mark.points(1)
def test_every_entity_lists_its_columns_and_marks_its_keys(project: Project) -> None:
    tables = read_tables(project.require())
    problems = missing_attributes(diagram(project), tables)
    assert problems == [], "er_diagram.md: " + "; ".join(problems)

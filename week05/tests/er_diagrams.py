"""Compare a Mermaid ``erDiagram`` with the tables of a live PostgreSQL schema.

Enough of Mermaid's syntax for a documentation test: entity blocks (``name { type column PK }``)
and relationship lines (``parent ||--o{ child : label``). The schema side comes from the catalog,
so the comparison holds for any design: the reference's, or a student's own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from week05.pg import Connection

_DIAGRAM = re.compile(r"```mermaid\s*\n\s*erDiagram\b(?P<body>.*?)```", re.S)
_ENTITY = re.compile(r"^(?P<name>[A-Za-z_][\w-]*)\s*\{$")
_ATTRIBUTE = re.compile(
    r'^(?P<type>[^\s"]+)\s+(?P<name>[A-Za-z_][\w-]*)'
    r'(?:\s+(?P<keys>(?:PK|FK|UK)(?:\s*,\s*(?:PK|FK|UK))*))?(?:\s+"[^"]*")?$'
)
_RELATIONSHIP = re.compile(
    r"^(?P<left>[A-Za-z_][\w-]*)\s+(?:\|o|\|\||\}o|\}\|)(?:--|\.\.)(?:o\||\|\||o\{|\|\{)\s+"
    r"(?P<right>[A-Za-z_][\w-]*)\s*:"
)


@dataclass
class Diagram:
    """What a diagram draws: each entity's attributes with their keys, and the linked pairs."""

    entities: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    links: set[frozenset[str]] = field(default_factory=set)

    def names(self) -> set[str]:
        """Every entity drawn, with an attribute block or only in a relationship line."""
        return set(self.entities) | {name for pair in self.links for name in pair}


def parse(markdown: str) -> Diagram | None:
    """The first ``erDiagram`` in a Markdown text, or None when it has none."""
    match = _DIAGRAM.search(markdown)
    if match is None:
        return None
    diagram = Diagram()
    block: dict[str, set[str]] | None = None
    for raw in match["body"].splitlines():
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        if block is not None:
            if line == "}":
                block = None
            elif m := _ATTRIBUTE.match(line):
                block[m["name"]] = set(re.split(r"\s*,\s*", m["keys"])) if m["keys"] else set()
        elif m := _ENTITY.match(line):
            block = diagram.entities.setdefault(m["name"], {})
        elif m := _RELATIONSHIP.match(line):
            diagram.links.add(frozenset((m["left"], m["right"])))
    return diagram


@dataclass
class Tables:
    """The tables of the current schema: columns in order, key columns, foreign-key pairs."""

    columns: dict[str, list[str]]
    primary: dict[str, set[str]]
    foreign: dict[str, set[str]]  # table -> its foreign-key columns
    links: set[tuple[str, str]]  # (referenced table, referencing table)


def read_tables(conn: Connection, only: Collection[str] | None = None) -> Tables:
    """Read the catalog of ``current_schema()`` (all tables, or ``only`` those)."""
    rows = conn.execute(
        b"SELECT table_name::text, column_name::text FROM information_schema.columns "
        b"WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
    ).fetchall()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        if only is None or table in only:
            columns.setdefault(table, []).append(column)
    keys = conn.execute(
        b"SELECT c.contype::text, c.conrelid::regclass::text, c.confrelid::regclass::text, "
        b"a.attname::text "
        b"FROM pg_constraint AS c "
        b"JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
        b"WHERE c.contype IN ('p', 'f') AND c.connamespace = current_schema()::regnamespace"
    ).fetchall()
    primary: dict[str, set[str]] = {}
    foreign: dict[str, set[str]] = {}
    links: set[tuple[str, str]] = set()
    for kind, table, referenced, column in keys:
        if table not in columns:
            continue
        (primary if kind == "p" else foreign).setdefault(table, set()).add(column)
        if kind == "f" and referenced in columns:
            links.add((referenced, table))
    return Tables(columns, primary, foreign, links)


def missing_shapes(diagram: Diagram, tables: Tables) -> list[str]:
    """Tables without an entity, entities without a table, foreign keys without a line."""
    drawn = diagram.names()
    problems = [f"no entity for table {t}" for t in sorted(set(tables.columns) - drawn)]
    problems += [
        f"entity {e} is not a table of the schema" for e in sorted(drawn - set(tables.columns))
    ]
    problems += [
        f"no relationship line for the foreign key of {child} to {parent}"
        for parent, child in sorted(tables.links)
        if frozenset((parent, child)) not in diagram.links
    ]
    return problems


def missing_attributes(diagram: Diagram, tables: Tables) -> list[str]:
    """Columns not listed in their entity's block, and key columns without PK/FK."""
    problems = []
    for table, columns in sorted(tables.columns.items()):
        attributes = diagram.entities.get(table)
        if attributes is None:
            problems.append(f"no attribute block for {table}")
            continue
        unlisted = [c for c in columns if c not in attributes]
        if unlisted:
            problems.append(f"{table} does not list {', '.join(unlisted)}")
        for mark, key_columns in (("PK", tables.primary), ("FK", tables.foreign)):
            unmarked = sorted(
                c for c in key_columns.get(table, set()) if mark not in attributes.get(c, {mark})
            )
            if unmarked:
                problems.append(f"{table}: mark {', '.join(unmarked)} as {mark}")
    return problems

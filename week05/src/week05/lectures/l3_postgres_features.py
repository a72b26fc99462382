"""Lecture 3 (part 1): JSONB, arrays, full-text search, EXPLAIN and B-tree indexes.

Every claim is a plan or a result you can check: a GIN index serves JSONB containment and
full-text search, a B-tree serves a selective range, a filter that matches most of the table
(3 rows in 4) is read with a sequential scan even when an index exists, and under a linguistic
collation only a ``text_pattern_ops`` B-tree serves ``LIKE 'prefix%'``.

Run: ``uv run python -m week05.lectures.l3_postgres_features`` (SQL in ``sql/l3_features.sql``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from week05.pg import Connect, Connection, demo_database, named_statements, run, scratch_schema

SQL = named_statements(Path(__file__).parent / "sql" / "l3_features.sql")


def plan_nodes(conn: Connection, query: str) -> list[str]:
    """The node types of ``EXPLAIN (FORMAT JSON) query``, top-down: ["Bitmap Heap Scan", ...]."""
    [(plan,)] = run(conn, f"EXPLAIN (FORMAT JSON) {query}")
    nodes, stack = [], [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        nodes.append(str(node["Node Type"]))
        stack.extend(reversed(node.get("Plans", [])))
    return nodes


def _query(section: str) -> str:
    """The query an ``EXPLAIN`` section explains, without its comments."""
    lines = [line for line in SQL[section].splitlines() if not line.startswith("--")]
    return " ".join(lines).removeprefix("EXPLAIN ").rstrip(";")


def explore(conn: Connection) -> dict[str, Any]:
    """Run the lecture; return results and plans by name."""
    out: dict[str, Any] = {}
    with conn.transaction():
        run(conn, SQL["setup"])
        out["jsonb_operators"] = run(conn, SQL["jsonb_operators"])[0]
        containment = 'SELECT * FROM events WHERE payload @> \'{"user": {"plan": "enterprise"}}\''
        out["jsonb_plan_before"] = plan_nodes(conn, containment)
        out["jsonb_containment"] = run(conn, SQL["jsonb_containment"])[0][0]
        out["jsonb_update"] = run(conn, SQL["jsonb_update"])[0][0]
        run(conn, SQL["gin_jsonb"])
        out["jsonb_plan_after"] = plan_nodes(conn, containment)
        out["arrays"] = run(conn, SQL["arrays"])[0]
        out["full_text"] = run(conn, SQL["full_text"])[0]
        search = "SELECT id FROM events WHERE search @@ websearch_to_tsquery('english', 'refused')"
        out["search_plan_before"] = plan_nodes(conn, search)
        out["full_text_search"] = run(conn, SQL["full_text_search"])
        run(conn, SQL["gin_search"])
        out["search_plan_after"] = plan_nodes(conn, search)
        by_time = _query("explain_by_time")
        out["explain_text"] = [line for (line,) in run(conn, f"EXPLAIN {by_time}")]
        out["range_plan_before"] = plan_nodes(conn, by_time)
        run(conn, SQL["btree_index"])
        out["range_plan_after"] = plan_nodes(conn, by_time)
        out["low_selectivity_plan"] = plan_nodes(conn, _query("explain_low_selectivity"))
        run(conn, SQL["prefix_like_setup"])
        prefix_like = _query("explain_prefix_like")
        out["prefix_like_plan_plain_index"] = plan_nodes(conn, prefix_like)
        run(conn, SQL["pattern_ops_index"])
        out["prefix_like_plan_pattern_ops"] = plan_nodes(conn, prefix_like)
    return out


def demo(connect: Connect) -> None:
    with connect() as conn:
        for name, value in explore(conn).items():
            print(f"{name}: {value}")


def main() -> None:
    with demo_database() as url, scratch_schema(url, prefix="l3") as connect:
        demo(connect)


if __name__ == "__main__":
    main()

from __future__ import annotations

from decimal import Decimal

import pytest
from week05.lectures import l2_sql_fundamentals as l2
from week05.pg import Connection


@pytest.fixture
def steps(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    return l2.walk(conn)


def test_crud_with_returning(steps: dict[str, list[tuple[object, ...]]]) -> None:
    assert [title for _, title in steps["create"]] == [
        "SQL Basics", "Advanced SQL", "Python", "Anonymous",
    ]  # fmt: skip
    assert steps["read"] == [("Advanced SQL", 340), ("Python", 250), ("SQL Basics", 120)]
    assert steps["update"] == [("Python", 260)]
    assert steps["delete"] == [("Anonymous",)]


def test_pages_do_not_overlap(steps: dict[str, list[tuple[object, ...]]]) -> None:
    assert steps["page_1"] == [("Advanced SQL",), ("Python",)]
    assert steps["page_2"] == [("SQL Basics",), ("Anonymous",)]


def test_join_kinds(steps: dict[str, list[tuple[object, ...]]]) -> None:
    matched = [("Ann", "Advanced SQL"), ("Ann", "SQL Basics"), ("Bob", "Python")]
    assert steps["inner_join"] == matched
    assert steps["left_join"] == [*matched, ("Cid", None)]
    assert steps["right_join"] == [*matched, (None, "Anonymous")]
    assert steps["full_join"] == [*matched, ("Cid", None), (None, "Anonymous")]
    assert steps["cross_join"] == [(12,)]


def test_aggregates_and_having(steps: dict[str, list[tuple[object, ...]]]) -> None:
    assert steps["aggregates"] == [
        ("Ann", 2, 460, Decimal("230.0")),
        ("Bob", 1, 260, Decimal("260.0")),
    ]
    assert steps["count_star_vs_column"] == [(4, 3)]


def test_subquery_cte_and_recursive_cte(steps: dict[str, list[tuple[object, ...]]]) -> None:
    assert steps["subquery"] == steps["cte"] == [("Advanced SQL",), ("Python",)]
    assert steps["recursive_cte"] == [
        ("Build", 0), ("Backend", 1), ("Frontend", 1), ("Database schema", 2),
    ]  # fmt: skip


def test_main(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    l2.main()
    assert "-- recursive_cte" in capsys.readouterr().out

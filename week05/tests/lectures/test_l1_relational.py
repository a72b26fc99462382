from __future__ import annotations

from decimal import Decimal

import pytest
from week05.lectures import l1_relational as l1
from week05.pg import Connect, Connection


def test_failed_transaction_leaves_nothing_behind(conn: Connection) -> None:
    error, balances = l1.failed_transfer(conn)
    assert error == "CheckViolation"
    assert balances == [("Ann", Decimal("100.00")), ("Bob", Decimal("50.00"))]


def test_foreign_key_refuses_an_orphan(conn: Connection) -> None:
    l1.failed_transfer(conn)  # creates the tables
    assert l1.refused_orphan(conn) == "ForeignKeyViolation"


def test_type_facts(conn: Connection) -> None:
    facts = l1.type_facts(conn)
    assert facts["timestamptz_in_new_york"] == "2026-03-01 06:00:00-05"  # same instant
    assert facts["timestamp_in_new_york"] == "2026-03-01 12:00:00"  # offset was dropped
    assert facts["numeric_is_exact"] is True
    assert facts["float_is_exact"] is False
    # Not alphabetical: shorter keys first ("a", "c" before "bb"); the last duplicate wins.
    assert facts["jsonb_normalized"] == '{"a": 4, "c": 2, "bb": 1}'
    assert facts["json_kept_as_is"] == '{"bb": 1, "c": 2, "a": 3, "a": 4}'
    assert facts["uuid_version"] == "4"
    assert facts["yes_is_true"] is True
    assert facts["text_length"] == 5  # characters, not bytes
    assert facts["integer_overflows"] is True


def test_normalization_removes_the_update_anomaly_losslessly(conn: Connection) -> None:
    result = l1.normalize(conn)
    assert result["rows_to_update_1nf"] == 3
    assert result["rows_to_update_3nf"] == 1
    assert result["lossless"] is True
    # The order line keeps the price paid; the product's list price is today's.
    assert result["pen_prices"] == [(1, "2.50", "2.80"), (3, "2.80", "2.80")]
    # A materialized view is fast to read but stale until refreshed.
    assert result["view_counts"] == (2, 2, 3)


def test_main_prints_the_demo(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    l1.main()
    out = capsys.readouterr().out
    assert "CheckViolation" in out
    assert "ForeignKeyViolation" in out


def test_demo_runs_in_its_own_schema(connect: Connect, capsys: pytest.CaptureFixture[str]) -> None:
    l1.demo(connect)
    assert "lossless: True" in capsys.readouterr().out

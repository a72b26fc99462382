from __future__ import annotations

from typing import Any

import pytest
from week05.lectures import l3_postgres_features as l3
from week05.pg import Connection


@pytest.fixture
def seen(conn: Connection) -> dict[str, Any]:
    return l3.explore(conn)


def test_jsonb_operators_and_gin_containment(seen: dict[str, Any]) -> None:
    assert seen["jsonb_operators"] == ("enterprise", "50", 50, True)
    assert seen["jsonb_containment"] == 400
    assert seen["jsonb_update"] == {"user": {"id": 50, "plan": "pro"}, "amount": 50, "seen": True}
    assert seen["jsonb_plan_before"] == ["Seq Scan"]
    assert "Bitmap Index Scan" in seen["jsonb_plan_after"]


def test_arrays(seen: dict[str, Any]) -> None:
    assert seen["arrays"] == (2000, 2000, 2000, ["eu", "vip"])


def test_full_text_search(seen: dict[str, Any]) -> None:
    vector, query = seen["full_text"]
    assert vector == "'card':2 'refus':4"  # stop words gone, words stemmed, positions kept
    assert query == "'card' & 'refus' & !'cash'"
    assert [event_id for event_id, _ in seen["full_text_search"]] == [500, 1000, 1500]
    assert seen["search_plan_before"] == ["Seq Scan"]
    assert "Bitmap Index Scan" in seen["search_plan_after"]


def test_explain_and_btree_indexes(seen: dict[str, Any]) -> None:
    assert seen["explain_text"][0].startswith("Seq Scan on events  (cost=")
    assert seen["range_plan_before"] == ["Seq Scan"]
    assert seen["range_plan_after"] in (["Index Scan"], ["Bitmap Heap Scan", "Bitmap Index Scan"])
    # Most of the table: the index on kind exists, and the planner rightly ignores it.
    assert seen["low_selectivity_plan"] == ["Seq Scan"]


def test_prefix_like_needs_text_pattern_ops_under_a_linguistic_collation(
    seen: dict[str, Any],
) -> None:
    assert seen["prefix_like_plan_plain_index"] == ["Seq Scan"]
    assert seen["prefix_like_plan_pattern_ops"] in (
        ["Index Scan"],
        ["Bitmap Heap Scan", "Bitmap Index Scan"],
    )


def test_main(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    l3.main()
    assert "range_plan_after" in capsys.readouterr().out

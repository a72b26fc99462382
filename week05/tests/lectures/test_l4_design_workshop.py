from __future__ import annotations

from pathlib import Path

import pytest
from week05.lectures import l4_design_workshop as l4
from week05.pg import Connection


def test_identity_skips_rolled_back_numbers_and_uuid_is_v4(conn: Connection) -> None:
    result = l4.key_kinds(conn)
    assert result["identity_ids"] == (1, 3)
    assert result["uuid"].version == 4


def test_partial_unique_index_allows_reuse_after_soft_delete(conn: Connection) -> None:
    assert l4.soft_delete(conn) == {
        "accounts_plain": "UniqueViolation",
        "accounts_partial": "signed up again",
    }


def test_trigger_keeps_updated_at(conn: Connection) -> None:
    result = l4.timestamps(conn)
    assert result["updated_at_is_now"] is True
    assert result["created_at"].year == 2020  # untouched by the update
    assert result["now_is_stable_in_a_transaction"] is True


def test_reference_design_meets_every_requirement(conn: Connection) -> None:
    results = l4.check_workshop(conn, l4.REFERENCE.read_text(encoding="utf-8"))
    assert len(results) == len(l4.CHECKS)
    assert [name for name, ok in results if not ok] == []


def test_checker_catches_a_weaker_design(conn: Connection) -> None:
    weaker = l4.REFERENCE.read_text(encoding="utf-8").replace(
        "CREATE UNIQUE INDEX attendees_email_active_key ON attendees (email) WHERE deleted_at IS NULL;",
        "ALTER TABLE attendees ADD UNIQUE (email);",
    )
    failed = [name for name, ok in l4.check_workshop(conn, weaker) if not ok]
    assert failed == ["accept new account after soft delete"]


def test_main_checks_a_given_file(
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    assert l4.main([]) == 0
    assert "PASS  refuse double registration" in capsys.readouterr().out
    empty = tmp_path / "mine.sql"
    empty.write_text("CREATE TABLE events (id int);", encoding="utf-8")
    assert l4.main([str(empty)]) == 1
    assert "FAIL  accept talk" in capsys.readouterr().out
    assert l4.main([str(tmp_path / "missing.sql")]) == 2
    assert "no such schema file" in capsys.readouterr().err

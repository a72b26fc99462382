"""Isolation levels, asserted by outcome: the two sessions are interleaved explicitly."""

from __future__ import annotations

import pytest
from psycopg import IsolationLevel
from week05.lectures import l3_transactions as tx
from week05.pg import Connect


@pytest.fixture
def stock(connect: Connect) -> Connect:
    tx.setup(connect)
    return connect


def test_rollback_to_savepoint_keeps_the_rest(stock: Connect) -> None:
    assert tx.savepoint(stock) == (9, 5)


def test_read_committed_allows_a_non_repeatable_read(stock: Connect) -> None:
    assert tx.repeated_read(stock, IsolationLevel.READ_COMMITTED) == (10, 7)


def test_repeatable_read_prevents_it(stock: Connect) -> None:
    assert tx.repeated_read(stock, IsolationLevel.REPEATABLE_READ) == (10, 10)


def test_read_committed_loses_an_update(stock: Connect) -> None:
    # B sold 2 (10 -> 8), then A wrote "10 - 1": B's sale vanished.
    assert tx.lost_update(stock, IsolationLevel.READ_COMMITTED) == ("committed", 9)


def test_repeatable_read_refuses_the_lost_update(stock: Connect) -> None:
    assert tx.lost_update(stock, IsolationLevel.REPEATABLE_READ) == ("SerializationFailure", 8)


def test_write_skew_passes_repeatable_read_but_not_serializable(stock: Connect) -> None:
    assert tx.write_skew(stock, IsolationLevel.REPEATABLE_READ) == ["committed", "committed"]
    assert tx.write_skew(stock, IsolationLevel.SERIALIZABLE) == [
        "committed",
        "SerializationFailure",
    ]


def test_main(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    tx.main()
    assert "REPEATABLE_READ: lost update? A's write -> ('SerializationFailure', 8)" in (
        capsys.readouterr().out
    )

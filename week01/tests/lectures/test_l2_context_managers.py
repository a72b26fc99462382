import pytest
from week01.lectures.l2_context_managers import ConnectionScope, connection_scope, open_many


def test_class_based_cleans_up_after_success() -> None:
    log: list[str] = []
    with ConnectionScope("db", log) as conn:
        assert not conn.closed
    assert conn.closed
    assert log == ["open db", "close db"]


def test_class_based_cleans_up_on_exception_and_does_not_swallow_it() -> None:
    log: list[str] = []
    with pytest.raises(RuntimeError, match="boom"), ConnectionScope("db", log) as conn:
        raise RuntimeError("boom")
    assert conn.closed
    assert log == ["open db", "error in body: RuntimeError('boom')", "close db"]


def test_contextlib_version_cleans_up_on_exception() -> None:
    log: list[str] = []
    with pytest.raises(KeyError), connection_scope("cache", log) as conn:
        raise KeyError("missing")
    assert conn.closed
    assert log == ["open cache", "close cache"]


def test_exit_stack_closes_in_reverse_order() -> None:
    log: list[str] = []
    assert open_many(["a", "b", "c"], log) == ["a", "b", "c"]
    assert log == ["open a", "open b", "open c", "close c", "close b", "close a"]

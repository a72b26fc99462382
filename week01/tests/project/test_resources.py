"""Task 4: context managers that commit, roll back and always clean up."""

import os
from collections.abc import Callable

import pytest

from testkit import impl_module

resources = impl_module("week01", "resources")


class Resource:
    """A fake resource that records opening and closing in a shared log."""

    def __init__(self, name: str, log: list[str], *, fail_on_close: bool = False) -> None:
        self.name, self.log, self.fail_on_close = name, log, fail_on_close
        log.append(f"open {name}")

    def close(self) -> None:
        self.log.append(f"close {self.name}")
        if self.fail_on_close:
            raise OSError(f"cannot close {self.name}")


def factory(name: str, log: list[str], **kwargs: bool) -> Callable[[], Resource]:
    return lambda: Resource(name, log, **kwargs)


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_transaction_commits_on_success() -> None:
    stock = {"KB-101": 5}
    transaction = resources.StockTransaction(stock)
    with transaction as draft:
        draft["KB-101"] -= 2
        draft["MS-2"] = 1
        assert stock == {"KB-101": 5}  # nothing visible before the commit
    assert stock == {"KB-101": 3, "MS-2": 1}
    assert transaction.committed


@pytest.mark.task(4)
@pytest.mark.points(2)
def test_transaction_rolls_back_and_propagates() -> None:
    stock = {"KB-101": 5}
    transaction = resources.StockTransaction(stock)

    def sell_then_fail() -> None:
        with transaction as draft:
            draft["KB-101"] = 0
            raise RuntimeError("payment failed")

    with pytest.raises(RuntimeError, match="payment failed"):
        sell_then_fail()
    assert stock == {"KB-101": 5}
    assert not transaction.committed


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_overridden_sets_then_restores() -> None:
    settings = {"DEBUG": "0", "REGION": "eu"}
    with resources.overridden(settings, DEBUG="1", CACHE="off"):
        assert settings == {"DEBUG": "1", "REGION": "eu", "CACHE": "off"}
        settings["DEBUG"] = "2"  # whatever the block does, the old value comes back
    assert settings == {"DEBUG": "0", "REGION": "eu"}


@pytest.mark.task(4)
@pytest.mark.points(2)
def test_overridden_restores_when_the_block_raises() -> None:
    settings = {"DEBUG": "0"}

    def fail_inside() -> None:
        with resources.overridden(settings, DEBUG="1", CACHE="off"):
            raise LookupError("test failed")

    with pytest.raises(LookupError, match="test failed"):
        fail_inside()
    assert settings == {"DEBUG": "0"}


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_overridden_works_on_os_environ() -> None:
    name = "WEEK01_OVERRIDDEN_TEST"
    assert name not in os.environ
    with resources.overridden(os.environ, **{name: "on"}):
        assert os.environ[name] == "on"
    assert name not in os.environ


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_opened_all_closes_in_reverse_order() -> None:
    log: list[str] = []
    with resources.opened_all([factory("db", log), factory("cache", log)]) as opened:
        assert [r.name for r in opened] == ["db", "cache"]
        log.append("work")
    assert log == ["open db", "open cache", "work", "close cache", "close db"]


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_opened_all_cleans_up_when_the_body_raises() -> None:
    log: list[str] = []
    with pytest.raises(ValueError, match="bad"), resources.opened_all([factory("db", log)]):
        raise ValueError("bad")
    assert log == ["open db", "close db"]


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_opened_all_closes_what_was_opened_when_a_factory_fails() -> None:
    log: list[str] = []

    def broken() -> Resource:
        raise ConnectionError("queue unreachable")

    with pytest.raises(ConnectionError), resources.opened_all([factory("db", log), broken]):
        pytest.fail("the body must not run")
    assert log == ["open db", "close db"]


@pytest.mark.task(4)
@pytest.mark.points(1)
def test_a_failing_close_does_not_skip_the_others() -> None:
    log: list[str] = []
    factories = [
        factory("db", log),
        factory("cache", log, fail_on_close=True),
        factory("queue", log),
    ]
    with pytest.raises(OSError, match="cannot close cache"), resources.opened_all(factories):
        pass
    assert log == ["open db", "open cache", "open queue", "close queue", "close cache", "close db"]

"""Exercise 4: context managers that guarantee cleanup.

``StockTransaction`` (class-based): ``with StockTransaction(stock) as draft:`` hands out a COPY
of the stock. When the block ends normally, the changes are written back to ``stock``; when it
raises, they are dropped and the exception propagates (the transaction never swallows it).

``overridden`` (generator-based): ``with overridden(settings, DEBUG="1"):`` sets the values for
the block and afterwards restores what was there before (a key that did not exist is removed
again), also when the block raises. It works on any mutable mapping, ``os.environ`` included.

``opened_all`` (generator-based, ``ExitStack``): opens resources with their factories, yields
them as a list, and closes every opened one in REVERSE order when the block ends, also when the
block raises or a later factory fails. A failing ``close()`` must not stop the others from closing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import ExitStack, contextmanager
from types import TracebackType
from typing import Protocol, TypeVar


class Closeable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closeable)


class StockTransaction:
    def __init__(self, stock: dict[str, int]) -> None:
        # BEGIN SOLUTION Task 4: remember the stock; nothing committed yet
        self.stock = stock
        self.committed = False
        # END SOLUTION

    def __enter__(self) -> dict[str, int]:
        # BEGIN SOLUTION Task 4: hand out a draft copy of the stock
        self.draft = dict(self.stock)
        return self.draft
        # END SOLUTION

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # returning None (falsy) lets an exception from the block propagate
        # BEGIN SOLUTION Task 4: commit the draft only when the block succeeded
        if exc is None:
            self.stock.clear()
            self.stock.update(self.draft)
            self.committed = True
        # END SOLUTION


@contextmanager
def overridden(settings: MutableMapping[str, str], **changes: str) -> Iterator[None]:
    # BEGIN SOLUTION Task 4: override for the block, then always restore
    before = {key: settings[key] for key in changes if key in settings}
    settings.update(changes)
    try:
        yield
    finally:  # without finally an error in the block would leave the override in place
        for key in changes:
            if key in before:
                settings[key] = before[key]
            else:
                settings.pop(key, None)
    # END SOLUTION


@contextmanager
def opened_all(factories: Iterable[Callable[[], C]]) -> Iterator[list[C]]:
    # BEGIN SOLUTION Task 4: open all, yield them, close in reverse order
    with ExitStack() as stack:  # closes in reverse order and keeps going if a close fails
        resources = []
        for factory in factories:
            resource = factory()
            stack.callback(resource.close)
            resources.append(resource)
        yield resources
    # END SOLUTION

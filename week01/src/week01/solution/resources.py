"""Exercise 4: context managers that guarantee cleanup.

``StockTransaction`` (class-based): ``with StockTransaction(stock) as draft:`` hands out a COPY
of the stock. When the block ends normally, the changes are written back to ``stock``; when it
raises, they are dropped and the exception propagates (the transaction never swallows it).

``opened_all`` (generator-based, ``contextlib``): opens resources with their factories, yields
them as a list, and closes every opened one in REVERSE order when the block ends, also when the
block raises or a later factory fails. A failing ``close()`` must not stop the others from closing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from types import TracebackType
from typing import Protocol, TypeVar


class Closeable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closeable)


class StockTransaction:
    def __init__(self, stock: dict[str, int]) -> None:
        self.stock = stock
        self.committed = False

    def __enter__(self) -> dict[str, int]:
        # BEGIN SOLUTION keep and return a copy (the draft) of the stock
        self.draft = dict(self.stock)
        return self.draft
        # END SOLUTION

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # returning None (falsy) lets an exception from the block propagate
        # BEGIN SOLUTION on success write the draft back, set committed
        if exc is None:
            self.stock.clear()
            self.stock.update(self.draft)
            self.committed = True
        # END SOLUTION


@contextmanager
def opened_all(factories: Iterable[Callable[[], C]]) -> Iterator[list[C]]:
    # BEGIN SOLUTION use an ExitStack: stack.callback(r.close)
    with ExitStack() as stack:  # closes in reverse order and keeps going if a close fails
        resources = []
        for factory in factories:
            resource = factory()
            stack.callback(resource.close)
            resources.append(resource)
        yield resources
    # END SOLUTION

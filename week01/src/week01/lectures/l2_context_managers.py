"""Lecture 2: context managers, the ``with`` statement and guaranteed cleanup.

``with cm as x: body`` calls ``cm.__enter__()`` (its result is ``x``), runs the body, and then
ALWAYS calls ``cm.__exit__(exc_type, exc, tb)``, also when the body raises. Returning True from
``__exit__`` swallows the exception; almost always you return False/None and let it propagate.
FastAPI's ``yield`` dependencies and lifespans (week 3) are built on exactly this.

Run: uv run python -m week01.lectures.l2_context_managers
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from types import TracebackType


class Connection:
    """A stand-in for a database connection that records what happened to it."""

    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log, self.closed = name, log, False
        log.append(f"open {name}")

    def close(self) -> None:
        self.closed = True
        self.log.append(f"close {self.name}")


class ConnectionScope:
    """Class-based: ``__enter__`` acquires, ``__exit__`` releases whatever the body did."""

    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log = name, log

    def __enter__(self) -> Connection:
        self.connection = Connection(self.name, self.log)
        return self.connection

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # None (falsy): never swallow the caller's exception
        if exc is not None:
            self.log.append(f"error in body: {exc!r}")
        self.connection.close()


@contextmanager
def connection_scope(name: str, log: list[str]) -> Iterator[Connection]:
    """The same with ``contextlib``: code before ``yield`` is ``__enter__``, ``finally`` is cleanup."""
    connection = Connection(name, log)
    try:
        yield connection
    finally:  # without try/finally an exception in the body would skip the cleanup
        connection.close()


def open_many(names: list[str], log: list[str]) -> list[str]:
    """``ExitStack``: a dynamic number of resources, closed in reverse order."""
    with ExitStack() as stack:
        connections = [stack.enter_context(connection_scope(n, log)) for n in names]
        return [c.name for c in connections]


def main() -> None:
    log: list[str] = []
    with ConnectionScope("db", log) as conn:
        log.append(f"query on {conn.name}")
    try:
        with connection_scope("cache", log):
            raise RuntimeError("boom")
    except RuntimeError:
        log.append("caller still sees the RuntimeError")
    open_many(["a", "b"], log)
    print("\n".join(log))


if __name__ == "__main__":
    main()

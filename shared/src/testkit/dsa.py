"""Helpers for the tests of the DSA track (``weekNN/tests/dsa/``), so every problem is tested alike.

- ``PROPERTY``: hypothesis settings for a problem's property test (the student's answer against a
  brute-force oracle on small random inputs): quick, and the same examples on every run, so a
  test file alone and the full run agree; no example database written into the checkout.
- ``fast_enough(target, size)``: the complexity guard. The block runs under a time limit
  (``GUARD_SECONDS``, generous for slow machines); an O(n^2) answer to a large input is stopped
  there and fails with "too slow", naming the statement's target complexity.
- ``impl_path(package, name)``: a file of the selected implementation (``--impl``), e.g. the
  student's ``week05/src/week05/dsa/starter/p08_customers_without_orders.sql``;
  ``reference_path``: the same file of the reference solution.
- SQL problems run on a real PostgreSQL: ``practice_schema(url, *files)`` is a connection working
  in a schema of its own, filled by the week's dataset files, rolled back after the test;
  ``SqlPractice`` runs the student's query and the reference's there; ``assert_same_result``
  compares result sets (columns by name and order, rows by value and order).
- ``practice_fixture(name, package, dataset)``: the fixture a week's ``tests/dsa/conftest.py``
  declares in one line, e.g. ``shop = practice_fixture("shop", "week05.dsa", "shop.sql")``: a
  ``SqlPractice`` on ``dataset`` (beside the package's ``__init__.py``) with its example rows.
"""

from __future__ import annotations

import importlib
import re
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, Phase, settings
from psycopg import sql

from testkit.impl import impl_module

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    # A failure shows the smallest input found (shrink), but not the costly explain phase
    # (about a second per failing test); the first bug found is enough to work on.
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    report_multiple_bugs=False,
)
GUARD_SECONDS = 10.0
STATEMENT_TIMEOUT = "5s"  # a query on the practice data that runs longer has a missing join

Connection = psycopg.Connection[tuple[Any, ...]]
Row = tuple[Any, ...]
_COMMENTS = re.compile(r"/\*.*?\*/|--[^\n]*", re.S)
_TODO = re.compile(r"^\s*--\s*TODO:\s*(?P<hint>.+?)\s*$", re.M)


class _Expired(BaseException):
    """The guard's alarm; not an ``Exception``, so no ``except Exception`` can swallow it."""


def _expire(signum: int, frame: FrameType | None) -> None:
    raise _Expired


@contextmanager
def fast_enough(target: str, size: int, seconds: float = GUARD_SECONDS) -> Iterator[None]:
    """Fail with "too slow" unless the block finishes within ``seconds``.

    ``target`` is the statement's complexity (``"O(n log n)"``) and ``size`` the input's, for the
    message. On Unix the block is interrupted when the time is up (an alarm signal), so a
    quadratic answer fails in ``seconds`` instead of running for hours; the alarm of an enclosing
    per-test timeout (pytest-timeout) is put back afterwards.
    """
    message = (
        f"too slow: no answer within {seconds:g} s for an input of size {size:,}; "
        f"the statement asks for {target}"
    )
    started = time.monotonic()
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield  # no alarm here: measure only
        if time.monotonic() - started > seconds:
            raise AssertionError(message)
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer else seconds)
    expired = False
    try:
        yield
    except _Expired:
        expired = True
        raise AssertionError(message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer and not expired:
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def impl_path(package: str, name: str) -> Path:
    """``name`` in the selected implementation of ``package``: ``impl_path("week05.dsa", "x.sql")``."""
    return Path(str(impl_module(package).__file__)).parent / name


def reference_path(package: str, name: str) -> Path:
    """``name`` in the reference solution of ``package``, whatever implementation is selected."""
    module = importlib.import_module(f"{package}.solution")
    return Path(str(module.__file__)).parent / name


@dataclass(frozen=True)
class Result:
    """A query's result set: column names and rows."""

    columns: list[str]
    rows: list[Row]


def has_statement(text: str) -> bool:
    """True when ``text`` holds SQL beyond comments, whitespace and semicolons."""
    return bool(_COMMENTS.sub("", text).replace(";", "").strip())


def run_query(conn: Connection, path: Path) -> Result:
    """Run the query in ``path`` (one statement) and return its result set.

    A file with only comments (the starter's ``-- TODO:``) raises ``NotImplementedError``; an
    error in PostgreSQL fails as an assertion that quotes it (the transaction is then aborted, so
    it is the test's last statement).
    """
    text = path.read_text(encoding="utf-8")
    shown = "/".join(path.parts[-3:])
    if not has_statement(text):
        todo = _TODO.search(text)
        raise NotImplementedError(
            f"TODO: {todo['hint'] if todo else 'write the query'} (in {shown})"
        )
    try:
        cursor = conn.execute(text.encode())
    except psycopg.errors.QueryCanceled:
        raise AssertionError(
            f"{shown}: cancelled after {STATEMENT_TIMEOUT} on a small dataset "
            "(a join without its condition?)"
        ) from None
    except psycopg.Error as exc:
        raise AssertionError(f"{shown} fails in PostgreSQL: {type(exc).__name__}: {exc}") from None
    if cursor.description is None:
        raise AssertionError(f"{shown} returns no rows at all: it must be a query (SELECT ...)")
    return Result([column.name for column in cursor.description], cursor.fetchall())


def _normal(value: Any) -> Any:
    """Numbers compared by value whatever their type (``2``, ``2.0``, ``Decimal('2.00')``)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    return Decimal(repr(value) if isinstance(value, float) else value).normalize()


def assert_same_result(got: Result, expected: Result) -> None:
    """Fail, saying where, unless ``got`` has ``expected``'s columns and rows, in order."""
    if got.columns != expected.columns:
        raise AssertionError(f"columns {got.columns}, expected {expected.columns} (in that order)")
    mine = [tuple(_normal(v) for v in row) for row in got.rows]
    theirs = [tuple(_normal(v) for v in row) for row in expected.rows]
    if mine == theirs:
        return
    count = f"{len(mine)} rows, expected {len(theirs)}"
    for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
        if a != b:
            raise AssertionError(
                f"{count}; row {index + 1} is {got.rows[index]!r}, expected {expected.rows[index]!r}"
            )
    extra = got.rows[len(theirs)] if len(mine) > len(theirs) else None
    raise AssertionError(
        f"{count}; first extra row {extra!r}"
        if extra is not None
        else f"{count}; first missing row {expected.rows[len(mine)]!r}"
    )


@contextmanager
def practice_schema(url: str, *files: Path) -> Iterator[Connection]:
    """A connection working in a new schema filled by ``files``; all of it rolled back after."""
    with psycopg.connect(url) as conn:
        name = sql.Identifier(f"dsa_{uuid.uuid4().hex[:10]}")
        conn.execute("SET LOCAL client_min_messages = warning")
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(name))
        conn.execute(sql.SQL("SET LOCAL search_path = {}").format(name))
        conn.execute("SET LOCAL TimeZone = 'UTC'")
        for path in files:
            conn.execute(path.read_text(encoding="utf-8").encode())
        conn.execute(f"SET LOCAL statement_timeout = '{STATEMENT_TIMEOUT}'")
        try:
            yield conn
        finally:
            conn.rollback()


@dataclass(frozen=True)
class SqlPractice:
    """The week's practice schema and the queries of one DSA package (``week05.dsa``)."""

    conn: Connection
    package: str

    def answer(self, problem: str) -> Result:
        """The result set of the selected implementation's ``<problem>.sql``."""
        return run_query(self.conn, impl_path(self.package, f"{problem}.sql"))

    def reference(self, problem: str) -> Result:
        """The result set of the reference solution's ``<problem>.sql``."""
        return run_query(self.conn, reference_path(self.package, f"{problem}.sql"))


def practice_fixture(name: str, package: str, dataset: str) -> Any:
    """A pytest fixture ``name``: a ``SqlPractice`` of ``package`` (``"week05.dsa"``) in a schema
    filled by ``dataset``, a file beside the package's ``__init__.py``; rolled back after the test.
    It uses the session's ``postgres_url``. Assign it to ``name`` in the ``conftest.py``."""
    where = Path(str(importlib.import_module(package).__file__)).parent / dataset

    @pytest.fixture(name=name)
    def practice(postgres_url: str) -> Iterator[SqlPractice]:
        """The week's practice schema with the statements' example rows."""
        with practice_schema(postgres_url, where) as conn:
            yield SqlPractice(conn, package)

    return practice

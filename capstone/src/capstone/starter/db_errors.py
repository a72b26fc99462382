"""Database errors, translated in one place (``dependencies.get_session`` calls this).

The services check their rules first, for clear messages. Between a check and the write another
request can commit; then a constraint stops the write and the client must get a 4xx, not a 500:
a unique violation (SQLSTATE 23505) is a 409, a foreign-key violation (23503) a 422 naming the
field. Which constraint it was comes from its name (``db.NAMING_CONVENTION``). Any other database
error is a bug in our checks and stays a 500.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from .errors import AppError, ConflictError, InvalidReferenceError

UNIQUE_VIOLATION = "23505"
FOREIGN_KEY_VIOLATION = "23503"

TAKEN: dict[str, str] = {}  # TODO (task 0): constraint name -> the 409's detail

REFERENCES: dict[str, str] = {}  # TODO (task 0): foreign key -> the body's field


def sqlstate(exc: DBAPIError) -> str | None:
    raise NotImplementedError("TODO: task 0")


def constraint_name(exc: DBAPIError) -> str | None:
    """The violated constraint (asyncpg keeps it on its own exception, the cause of ``orig``)."""
    raise NotImplementedError("TODO: task 0")


def app_error(exc: DBAPIError) -> AppError | None:
    """The API error a database error means, or None if it means a bug (a 500)."""
    raise NotImplementedError("TODO: task 0: unique -> 409, foreign key -> 422 naming the field")


# SQLSTATE classes of a database that is not there: 08 connection exception, 57P operator
# intervention (shutting down, starting up).
UNAVAILABLE_CLASSES = ("08", "57P")


def unavailable(exc: Exception) -> bool:
    """Whether ``exc`` means the database cannot be reached right now (a 503, not a 500): refused
    or timed-out connections, a pool with none free in time, a server shutting down or starting."""
    return False  # TODO (task 14): which errors mean "the database is unreachable"

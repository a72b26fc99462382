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

# BEGIN SOLUTION task 0
TAKEN = {
    "uq_users_email_lower": "An account with this e-mail address exists already; log in instead",
    "uq_organisations_slug": "An organisation with this slug exists already",
    "uq_projects_org_id_name_lower": "A project with this name exists already",
    "pk_memberships": "This user is a member already",
}
# REPLACE WITH
# TAKEN: dict[str, str] = {}  # TODO (task 0): constraint name -> the 409's detail
# END SOLUTION

# BEGIN SOLUTION task 0
REFERENCES = {  # foreign key -> the request's field that names the row
    "fk_tasks_project_id_projects": "project_id",
    "fk_tasks_assignee_membership": "assignee_id",
}
# REPLACE WITH
# REFERENCES: dict[str, str] = {}  # TODO (task 0): foreign key -> the body's field
# END SOLUTION


def sqlstate(exc: DBAPIError) -> str | None:
    # BEGIN SOLUTION task 0
    code = getattr(exc.orig, "sqlstate", None)
    return str(code) if code is not None else None
    # END SOLUTION


def constraint_name(exc: DBAPIError) -> str | None:
    """The violated constraint (asyncpg keeps it on its own exception, the cause of ``orig``)."""
    # BEGIN SOLUTION task 0
    driver_error = exc.orig.__cause__ if exc.orig is not None else None
    name = getattr(driver_error, "constraint_name", None)
    return str(name) if name is not None else None
    # END SOLUTION


def app_error(exc: DBAPIError) -> AppError | None:
    """The API error a database error means, or None if it means a bug (a 500)."""
    # BEGIN SOLUTION task 0: unique -> 409, foreign key -> 422 naming the field
    code, name = sqlstate(exc), constraint_name(exc) or ""
    if code == UNIQUE_VIOLATION:
        return ConflictError(TAKEN.get(name, "The request conflicts with existing data"))
    if code == FOREIGN_KEY_VIOLATION:
        field = REFERENCES.get(name, "body")
        return InvalidReferenceError(field, f"{field} names something that does not exist here")
    return None
    # END SOLUTION


# SQLSTATE classes of a database that is not there: 08 connection exception, 57P operator
# intervention (shutting down, starting up).
UNAVAILABLE_CLASSES = ("08", "57P")


def unavailable(exc: Exception) -> bool:
    """Whether ``exc`` means the database cannot be reached right now (a 503, not a 500): refused
    or timed-out connections, a pool with none free in time, a server shutting down or starting."""
    # BEGIN SOLUTION task 14: refused, timed out, a pool timeout, SQLSTATE 08/57P
    if isinstance(exc, PoolTimeoutError | ConnectionError | TimeoutError):
        return True
    if isinstance(exc, DBAPIError):
        code = sqlstate(exc) or ""
        return (
            exc.connection_invalidated
            or code.startswith(UNAVAILABLE_CLASSES)
            or (isinstance(exc, InterfaceError | OperationalError) and not code)
        )
    return False
    # REPLACE WITH
    # return False  # TODO (task 14): which errors mean "the database is unreachable"
    # END SOLUTION

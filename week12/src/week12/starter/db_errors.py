"""Database errors, translated in one place (``get_session`` and ``retries.py`` use this).

The services check their rules first (a name is free, a category exists), for clear messages.
Between a check and the write, another request can commit: then the database's constraint is
what stops the write, with an error that a client must get as a 4xx, not a 500:

- **unique violation** (SQLSTATE 23505): the name was taken meanwhile: 409;
- **foreign key violation** (23503) in an INSERT or UPDATE: the category or tag it names was
  deleted meanwhile: 422 naming the field, as the service's own check would; in a DELETE: a task
  now uses the row: 409 "in use";
- **deadlock** (40P01) and **serialization failure** (40001): the transaction lost a race and
  nothing is wrong with the request. The whole request runs again (``retries.py``).

Which constraint it was comes from its name, predictable thanks to the naming convention of
``db.py``. Any other database error is a bug in our checks: it stays a 500, and the logs show it.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from .errors import AppError, ConflictError, InvalidReferenceError

UNIQUE_VIOLATION = "23505"
FOREIGN_KEY_VIOLATION = "23503"
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"

# What each constraint means to a client.
TAKEN = {  # names are unique per owner (week 9)
    "uq_categories_owner_id_name_lower": "A category with this name already exists",
    "uq_tags_owner_id_name_lower": "A tag with this name already exists",
    "uq_users_email_lower": "An account with this e-mail address exists already; log in instead",
}
REFERENCES = {  # foreign key: (the request's field that names the row, what the row is)
    "fk_tasks_category_id_categories": ("category_id", "category"),
    "fk_task_tags_tag_id_tags": ("tag_ids", "tag"),
}


def sqlstate(exc: DBAPIError) -> str | None:
    """The error's SQLSTATE code (``23505``...), as the driver reports it."""
    code = getattr(exc.orig, "sqlstate", None)
    return str(code) if code is not None else None


def constraint_name(exc: DBAPIError) -> str | None:
    """The violated constraint (asyncpg keeps it on its own exception, the cause of ``orig``)."""
    driver_error = exc.orig.__cause__ if exc.orig is not None else None
    name = getattr(driver_error, "constraint_name", None)
    return str(name) if name is not None else None


def app_error(exc: DBAPIError) -> AppError | None:
    """The API error a database error means, or None if it means a bug (a 500)."""
    code, name = sqlstate(exc), constraint_name(exc)
    if code == UNIQUE_VIOLATION:
        return ConflictError(TAKEN.get(name or "", "The request conflicts with existing data"))
    if code == FOREIGN_KEY_VIOLATION:
        field, thing = REFERENCES.get(name or "", ("body", "resource"))
        if str(exc.statement).lstrip().upper().startswith("DELETE"):
            return ConflictError(f"The {thing} is used by tasks; move or delete those tasks first")
        detail = f"The {thing} named in {field} does not exist (it may just have been deleted)"
        return InvalidReferenceError(field, detail)
    return None


def is_transient(exc: BaseException) -> bool:
    """Did the request only lose a race, so that running it again may well succeed?

    Deadlocks and serialization failures, and ``StaleDataError``: a row the request had read
    was changed or deleted by another one before its UPDATE or DELETE reached it.
    """
    if isinstance(exc, StaleDataError):
        return True
    return isinstance(exc, DBAPIError) and sqlstate(exc) in (
        SERIALIZATION_FAILURE,
        DEADLOCK_DETECTED,
    )

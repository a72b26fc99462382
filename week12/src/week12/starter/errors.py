"""The app's exception hierarchy.

Services raise these and know nothing about HTTP; ``problems.py`` maps each family to a status code
and one problem-details body (RFC 9457).
"""

from dataclasses import dataclass
from typing import ClassVar


class AppError(Exception):
    """Base of every error the API reports on purpose; ``detail`` is safe to show to clients.

    ``keeps_changes``: the request's transaction is committed before the error is sent, for the
    few failures that must leave a trace (a failed login is counted; a reused refresh token
    revokes its family). Every other error rolls back.
    """

    keeps_changes: ClassVar[bool] = False

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(AppError):
    """The resource named in the URL does not exist (404)."""


class ConflictError(AppError):
    """The request clashes with the current state: a duplicate name, a resource in use (409)."""


class InvalidReferenceError(AppError):
    """A field of the request body names another resource that does not exist (422)."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field = field


class PreconditionFailedError(AppError):
    """The client's ``If-Match`` names a version that is no longer current (412)."""


@dataclass(frozen=True)
class RowError:
    """A problem with one row of a bulk request: its index, where in the row (``("tag_ids",)``,
    ``("title",)``), what is wrong, and the error's type (a pydantic one, or ours)."""

    row: int
    loc: tuple[str | int, ...]
    message: str
    type: str = "reference_not_found"


class InvalidRowsError(AppError):
    """Rows of a bulk request are invalid or refer to things that do not exist (422, every bad
    row listed)."""

    def __init__(self, errors: list[RowError]) -> None:
        rows = len({error.row for error in errors})
        super().__init__(f"{rows} invalid row{'s' if rows != 1 else ''}: nothing was imported")
        self.errors = errors


class InvalidCursorError(AppError):
    """A pagination cursor that this API did not issue, or issued for another query (400)."""


class IdempotencyKeyReusedError(AppError):
    """An ``Idempotency-Key`` sent again with a different request body (422)."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"Idempotency-Key {key!r} was already used with a different request body; "
            "use a new key for a new request"
        )


class AuthenticationError(AppError):
    """No valid credentials: a missing, malformed, expired or revoked token, a wrong password
    (401 with ``WWW-Authenticate: Bearer``). The detail never says which part was wrong."""


class PermissionDeniedError(AppError):
    """Authenticated, but the token or the user's role lacks a required scope (403)."""

    def __init__(self, detail: str, required: list[str]) -> None:
        super().__init__(detail)
        self.required = required


class TooManyAttemptsError(AppError):
    """Too many failed logins: locked for ``retry_after`` seconds (429 with ``Retry-After``)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed logins; try again in {retry_after} seconds")
        self.retry_after = retry_after


class InvalidFieldError(AppError):
    """A field is well-formed but refused by a rule (a weak password): 422 naming the field, with
    ``code`` as each error's ``type``."""

    def __init__(self, field: str, problems: list[str], code: str = "value_error") -> None:
        super().__init__("; ".join(problems))
        self.field = field
        self.problems = problems
        self.code = code


class ServiceUnavailableError(AppError):
    """Something the request needs is down for now (503 with ``Retry-After``): GitHub for an
    issue preview, Redis for the cache metrics. Never used for what the app can do without."""

    def __init__(self, detail: str, retry_after: int = 30) -> None:
        super().__init__(detail)
        self.retry_after = retry_after

"""The app's exception hierarchy: services raise these and know nothing about HTTP;
``problems.py`` maps each family to a status code and one problem-details body (RFC 9457)."""

from typing import ClassVar


class AppError(Exception):
    """Base of every error the API reports on purpose; ``detail`` is safe to show to clients.

    ``keeps_changes``: the transaction is committed before the error is sent (a reused refresh
    token revokes its family and must stay revoked). Every other error rolls back.
    """

    keeps_changes: ClassVar[bool] = False

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(AppError):
    """The resource does not exist, or belongs to an organisation the caller is not in (404)."""


class ConflictError(AppError):
    """The request clashes with the current state: a duplicate, a forbidden transition (409)."""


class UnacceptableFileError(AppError):
    """An uploaded file is not what was declared (size, type): it is deleted, not kept (422)."""


class PreconditionFailedError(AppError):
    """The client's ``If-Match`` names a version that is no longer current (412)."""


class InvalidCursorError(AppError):
    """A pagination cursor this API did not issue, or issued for another query (400)."""


class InvalidReferenceError(AppError):
    """A body field names something that does not exist in this organisation (422)."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field = field


class AuthenticationError(AppError):
    """No valid credentials (401 with ``WWW-Authenticate: Bearer``); never says which part."""


class PermissionDeniedError(AppError):
    """A member of the organisation whose role is too low for the operation (403)."""


class IdempotencyKeyReusedError(AppError):
    """An ``Idempotency-Key`` sent again with a different body (422)."""

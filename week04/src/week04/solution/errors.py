"""The app's exception hierarchy.

Services raise these and know nothing about HTTP; ``problems.py`` maps each family to a status code
and one problem-details body (RFC 9457).
"""


class AppError(Exception):
    """Base of every error the API reports on purpose; ``detail`` is safe to show to clients."""

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


class InvalidCursorError(AppError):
    """A pagination cursor that this API did not issue, or issued for another query (400)."""


class IdempotencyKeyReusedError(AppError):
    """An ``Idempotency-Key`` sent again with a different request body (422)."""

    def __init__(self, key: str) -> None:
        # BEGIN SOLUTION a detail naming the key and saying what to do instead
        super().__init__(
            f"Idempotency-Key {key!r} was already used with a different request body; "
            "use a new key for a new request"
        )
        # END SOLUTION

"""The app's exception hierarchy.

Services raise these and know nothing about HTTP; ``problems.py`` maps each family to a status code
and one problem-details body (RFC 9457). Upstream failures are *not* here: a sync turns them into
its status (``resilience/errors.py``), they never reach a client of ours as an error.
"""


class AppError(Exception):
    """Base of every error the API reports on purpose; ``detail`` is safe to show to clients."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(AppError):
    """The resource named in the URL does not exist (404)."""


class ConflictError(AppError):
    """The request clashes with the current state, e.g. a sync of that source is running (409)."""


class InvalidCursorError(AppError):
    """A pagination cursor that this API did not issue, or issued for another query (400)."""


class InvalidWebhookError(AppError):
    """A webhook we must not trust: bad or missing signature, stale timestamp, bad payload (400)."""

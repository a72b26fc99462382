"""The app's exception hierarchy; ``problems.py`` maps each family to a status and a problem body."""


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

"""Upstream failures, as the sync understands them; none ever becomes a response of our API."""


class UpstreamError(Exception):
    """An upstream call failed for good (after the retries it deserved)."""

    def __init__(self, source: str, detail: str) -> None:
        raise NotImplementedError("TODO: a message naming the source; keep source and detail")


class UpstreamUnavailableError(UpstreamError):
    """Timeouts, refused or dropped connections, 5xx and 429 that outlasted every retry."""


class UpstreamRejectedError(UpstreamError):
    """The upstream said no for a reason retrying cannot fix: 401, 403, 404, 422..."""

    def __init__(self, source: str, status: int, detail: str) -> None:
        raise NotImplementedError("TODO: the detail names the status; keep status")


class CircuitOpenError(UpstreamError):
    """The circuit breaker is open: the call was not even tried (fail fast)."""

    def __init__(self, source: str, retry_in: float) -> None:
        raise NotImplementedError("TODO: the detail says when the next trial is; keep retry_in")


class InvalidResponseError(UpstreamError):
    """The response is not what the API documents: not JSON, or not the envelope we expect."""

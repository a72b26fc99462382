"""Upstream failures, as the sync understands them; none ever becomes a response of our API."""


class UpstreamError(Exception):
    """An upstream call failed for good (after the retries it deserved)."""

    def __init__(self, source: str, detail: str) -> None:
        super().__init__(f"{source}: {detail}")
        self.source = source
        self.detail = detail


class UpstreamUnavailableError(UpstreamError):
    """Timeouts, refused or dropped connections, 5xx and 429 that outlasted every retry."""


class UpstreamRejectedError(UpstreamError):
    """The upstream said no for a reason retrying cannot fix: 401, 403, 404, 422..."""

    def __init__(self, source: str, status: int, detail: str) -> None:
        super().__init__(source, f"HTTP {status}: {detail}")
        self.status = status


class CircuitOpenError(UpstreamError):
    """The circuit breaker is open: the call was not even tried (fail fast)."""

    def __init__(self, source: str, retry_in: float) -> None:
        super().__init__(source, f"circuit open; next trial in {retry_in:.1f} s")
        self.retry_in = retry_in


class InvalidResponseError(UpstreamError):
    """The response is not what the API documents: not JSON, or not the envelope we expect."""

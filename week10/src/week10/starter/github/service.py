"""Issue previews: GitHub's answer, through the HTTP cache, as our ``IssuePreview``."""

from pydantic import ValidationError

from ..caching.http_cache import HttpCache
from ..errors import ServiceUnavailableError
from ..resilience.errors import UpstreamError, UpstreamRejectedError
from .exceptions import IssueNotFoundError
from .schemas import GitHubIssue, IssuePreview


class IssuePreviews:
    def __init__(self, cache: HttpCache) -> None:
        self.cache = cache

    async def preview(self, owner: str, repo: str, number: int) -> tuple[IssuePreview, str]:
        """The preview and where it came from (``fresh``, ``revalidated``, ``upstream``,
        ``stale``). 404 for an issue GitHub does not have; 503 when GitHub cannot answer and
        nothing is stored."""
        raise NotImplementedError("TODO: cache.get, map failures, validate")

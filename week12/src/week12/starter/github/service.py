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
        repository = f"{owner}/{repo}"
        try:
            answer = await self.cache.get(f"/repos/{repository}/issues/{number}")
        except UpstreamRejectedError as exc:
            if exc.status == 404:
                raise IssueNotFoundError(repository, number) from exc
            raise ServiceUnavailableError("GitHub refused the request") from exc
        except UpstreamError as exc:
            raise ServiceUnavailableError("GitHub cannot be reached; try again later") from exc
        try:
            issue = GitHubIssue.model_validate_json(answer.body)
        except ValidationError as exc:
            raise ServiceUnavailableError("GitHub sent an issue we cannot read") from exc
        preview = IssuePreview(
            repository=repository,
            number=issue.number,
            title=issue.title,
            state=issue.state,
            url=issue.html_url,
            labels=[label.name for label in issue.labels],
            is_pull_request=issue.pull_request is not None,
            updated_at=issue.updated_at,
        )
        return preview, answer.source

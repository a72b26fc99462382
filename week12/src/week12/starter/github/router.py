"""HTTP layer of the GitHub integration: an issue's preview, for linking it from a task."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import AfterValidator

from ..auth.dependencies import READ
from ..problems import problem_responses
from .schemas import OWNER_PATTERN, REPO_PATTERN, IssuePreview, not_a_dot_path
from .service import IssuePreviews

router = APIRouter(prefix="/integrations/github", tags=["integrations"])
Owner = Annotated[str, Path(pattern=OWNER_PATTERN, description="User or organisation")]
Repo = Annotated[
    str, Path(pattern=REPO_PATTERN, description="Repository"), AfterValidator(not_a_dot_path)
]
Number = Annotated[int, Path(ge=1, le=2**31 - 1, description="Issue or pull request number")]
CACHE_HEADER = {
    "X-Cache": {
        "description": "fresh (from the cache), revalidated (304 from GitHub), upstream (a new "
        "answer) or stale (GitHub is down: the last good answer)",
        "schema": {"type": "string"},
    }
}


async def get_issue_previews(request: Request) -> IssuePreviews:
    return IssuePreviews(request.app.state.github)


IssuePreviewsDep = Annotated[IssuePreviews, Depends(get_issue_previews)]


@router.get(
    "/repos/{owner}/{repo}/issues/{number}",
    dependencies=[READ],
    responses={200: {"headers": CACHE_HEADER}, **problem_responses(404, 422, 503)},
)
async def issue_preview(
    owner: Owner, repo: Repo, number: Number, previews: IssuePreviewsDep, response: Response
) -> IssuePreview:
    """Title, state and labels of a GitHub issue or pull request, as GitHub has them (cached as
    long as GitHub's ``Cache-Control`` allows, then revalidated)."""
    preview, source = await previews.preview(owner, repo, number)
    response.headers["X-Cache"] = source
    return preview

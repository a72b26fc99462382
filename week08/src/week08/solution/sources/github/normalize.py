"""GitHub records -> the internal ``ItemIn``."""

from ...items.schemas import ItemIn, ItemKind, SourceName
from .schemas import GitHubIssue, GitHubRepo


def normalize_repo(repo: GitHubRepo) -> ItemIn:
    """A repository: its full name as title, stars and language as attributes."""
    # BEGIN SOLUTION an ItemIn of kind repository
    return ItemIn(
        source=SourceName.GITHUB,
        kind=ItemKind.REPOSITORY,
        external_id=str(repo.id),
        title=repo.full_name,
        url=repo.html_url,
        status="archived" if repo.archived else "active",
        occurred_at=repo.updated_at,
        source_updated_at=repo.updated_at,
        attributes={
            "description": repo.description,
            "language": repo.language,
            "stars": repo.stargazers_count,
            "open_issues": repo.open_issues_count,
        },
    )
    # END SOLUTION


def normalize_issue(issue: GitHubIssue, repo: str) -> ItemIn:
    """An issue or pull request of ``repo`` ("org/name"): title, state, author, labels."""
    # BEGIN SOLUTION an ItemIn of kind issue or pull_request
    return ItemIn(
        source=SourceName.GITHUB,
        kind=ItemKind.PULL_REQUEST if issue.pull_request is not None else ItemKind.ISSUE,
        external_id=str(issue.id),
        title=f"{repo}#{issue.number}: {issue.title}"[:500],
        url=issue.html_url,
        status=issue.state,
        occurred_at=issue.created_at,
        source_updated_at=issue.updated_at,
        attributes={
            "repository": repo,
            "number": issue.number,
            "author": issue.user.login if issue.user else None,
            "labels": ",".join(label.name for label in issue.labels),
            "comments": issue.comments,
        },
    )
    # END SOLUTION

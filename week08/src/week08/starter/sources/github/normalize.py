"""GitHub records -> the internal ``ItemIn``."""

from ...items.schemas import ItemIn, ItemKind, SourceName
from .schemas import GitHubIssue, GitHubRepo


def normalize_repo(repo: GitHubRepo) -> ItemIn:
    """A repository: its full name as title, stars and language as attributes."""
    raise NotImplementedError("TODO: an ItemIn of kind repository")


def normalize_issue(issue: GitHubIssue, repo: str) -> ItemIn:
    """An issue or pull request of ``repo`` ("org/name"): title, state, author, labels."""
    raise NotImplementedError("TODO: an ItemIn of kind issue or pull_request")

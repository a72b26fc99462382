"""GitHub's issue as GitHub documents it (the fields we use), and our preview of it.

https://docs.github.com/en/rest/issues/issues#get-an-issue. Extra fields are ignored (GitHub adds
some now and then); a missing or wrong one makes the answer unreadable, never a 500.
"""

from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel

# GitHub's own rules for a user or organisation name and a repository name.
OWNER_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"
REPO_PATTERN = r"^[A-Za-z0-9._-]{1,100}$"


def not_a_dot_path(name: str) -> str:
    """GitHub has no repository "." or "..": in our URL they would climb the path we meant."""
    if name in {".", ".."}:
        raise ValueError("not a repository name")
    return name


class GitHubLabel(BaseModel):
    name: str


class GitHubIssue(BaseModel):
    number: int
    title: str
    state: Literal["open", "closed"]
    html_url: str
    labels: list[GitHubLabel] = []
    updated_at: AwareDatetime
    pull_request: dict[str, Any] | None = None  # present on pull requests (they are issues too)


class IssuePreview(BaseModel):
    repository: str
    number: int
    title: str
    state: Literal["open", "closed"]
    url: str
    labels: list[str]
    is_pull_request: bool
    updated_at: datetime

"""GitHub's shapes, as documented (only the fields we use; the rest is ignored on purpose).

- Repositories of an organisation: ``GET /orgs/{org}/repos``
  https://docs.github.com/en/rest/repos/repos#list-organization-repositories
- Issues of a repository (pull requests included, marked by a ``pull_request`` member):
  ``GET /repos/{owner}/{repo}/issues``
  https://docs.github.com/en/rest/issues/issues#list-repository-issues
- Pages: ``Link`` header, https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
- Conditional requests (ETag, 304 does not count against the rate limit):
  https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
- Rate limits (``X-RateLimit-*``, ``Retry-After``):
  https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api

External models are lenient where the API is (``description`` may be null, new fields appear
any time: ``extra="ignore"``) and strict where we depend on a field (an id, a timestamp).
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class GitHubModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class GitHubUser(GitHubModel):
    login: str


class GitHubRepo(GitHubModel):
    id: int
    full_name: str
    html_url: str
    description: str | None = None
    language: str | None = None
    stargazers_count: int = Field(ge=0)
    open_issues_count: int = Field(default=0, ge=0)
    archived: bool = False
    created_at: AwareDatetime
    updated_at: AwareDatetime


class GitHubLabel(GitHubModel):
    name: str


class GitHubIssue(GitHubModel):
    id: int
    number: int
    title: str
    state: str
    html_url: str
    user: GitHubUser | None = None  # null for a deleted ("ghost") account
    labels: list[GitHubLabel] = []
    comments: int = 0
    created_at: AwareDatetime
    updated_at: AwareDatetime
    closed_at: AwareDatetime | None = None
    pull_request: dict[str, Any] | None = None  # present: this "issue" is a pull request

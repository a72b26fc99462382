"""GitHub's documented shapes (the fields we use; ``extra="ignore"`` for the rest):
https://docs.github.com/en/rest/repos/repos#list-organization-repositories,
https://docs.github.com/en/rest/issues/issues#list-repository-issues (pull requests have a
``pull_request`` member), pages: https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api,
rate limits: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api"""

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class GitHubModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class GitHubUser(GitHubModel):
    # BEGIN SOLUTION login
    login: str
    # END SOLUTION


class GitHubRepo(GitHubModel):
    # BEGIN SOLUTION id, full_name, html_url, description?, language?, stars, open issues, archived, dates
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
    # END SOLUTION


class GitHubLabel(GitHubModel):
    # BEGIN SOLUTION name
    name: str
    # END SOLUTION


class GitHubIssue(GitHubModel):
    # BEGIN SOLUTION id, number, title, state, html_url, user?, labels, comments, dates, pull_request?
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
    # END SOLUTION

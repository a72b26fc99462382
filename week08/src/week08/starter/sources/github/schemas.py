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
    """TODO: login"""


class GitHubRepo(GitHubModel):
    """TODO: id, full_name, html_url, description?, language?, stars, open issues, archived, dates"""


class GitHubLabel(GitHubModel):
    """TODO: name"""


class GitHubIssue(GitHubModel):
    """TODO: id, number, title, state, html_url, user?, labels, comments, dates, pull_request?"""

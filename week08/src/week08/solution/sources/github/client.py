"""Syncing GitHub: repositories (Link pages, ETag) and issues (``since`` the sync cursor)."""

from contextlib import aclosing
from datetime import UTC
from functools import partial

from ...items.schemas import ItemIn
from ...resilience.client import ResilientClient
from ...resilience.pagination import follow_links
from ..base import FetchResult, convert_all, expect_list, json_body
from .normalize import normalize_issue, normalize_repo
from .schemas import GitHubIssue, GitHubRepo


def repo_items(record: object) -> list[ItemIn]:
    # BEGIN SOLUTION validate as GitHubRepo, normalise
    return [normalize_repo(GitHubRepo.model_validate(record))]
    # END SOLUTION


def issue_items(record: object, repo: str) -> list[ItemIn]:
    # BEGIN SOLUTION validate as GitHubIssue, normalise for repo
    return [normalize_issue(GitHubIssue.model_validate(record), repo)]
    # END SOLUTION


class GitHubSource:
    name = "github"

    def __init__(
        self, client: ResilientClient, *, org: str, repos: tuple[str, ...], page_size: int = 100
    ) -> None:
        # BEGIN SOLUTION keep the arguments
        self.client = client
        self.org = org
        self.repos = repos
        self.page_size = page_size
        # END SOLUTION

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult:
        # BEGIN SOLUTION repositories, then issues since the cursor
        result = FetchResult(cursor=cursor, etag=etag)
        await self.fetch_repositories(result, etag)
        await self.fetch_issues(result, since=cursor)
        return result
        # END SOLUTION

    async def fetch_repositories(self, result: FetchResult, etag: str | None) -> None:
        """Walk ``/orgs/{org}/repos`` newest-updated first, asking "changed since ``etag``?".

        Sorted by ``updated`` (descending), any change to any repository moves it onto page 1 and
        changes page 1's ETag; so a 304 for page 1 means nothing changed: stop there.
        """
        # BEGIN SOLUTION If-None-Match; 304: not_modified; else walk
        headers = {"If-None-Match": etag} if etag else {}
        params: dict[str, str | int] = {
            "per_page": self.page_size,
            "sort": "updated",
            "direction": "desc",
        }
        url = f"/orgs/{self.org}/repos"
        async with aclosing(
            follow_links(self.client, url, params=params, headers=headers)
        ) as pages:
            first = True
            async for response in pages:
                if response.status_code == 304:
                    result.not_modified = True
                    return
                if first:
                    result.etag = response.headers.get("etag", etag)
                    first = False
                records = expect_list(json_body(response, self.name), self.name, url)
                result.add(*convert_all(self.name, records, repo_items))
        # END SOLUTION

    async def fetch_issues(self, result: FetchResult, since: str | None) -> None:
        """Issues and pull requests of each configured repository updated ``since`` the cursor.

        The new cursor is the latest ``updated_at`` seen. GitHub's ``since`` is inclusive, so the
        newest issue of the last run comes again: harmless, the upsert finds it unchanged.
        """
        # BEGIN SOLUTION per repo: pages since the cursor; newest cursor
        newest = since
        for repo in self.repos:
            full_name = f"{self.org}/{repo}"
            params: dict[str, str | int] = {"state": "all", "per_page": self.page_size}
            if since:
                params["since"] = since
            url = f"/repos/{full_name}/issues"
            async with aclosing(follow_links(self.client, url, params=params)) as pages:
                async for response in pages:
                    records = expect_list(json_body(response, self.name), self.name, url)
                    convert = partial(issue_items, repo=full_name)
                    items, received, invalid = convert_all(self.name, records, convert)
                    result.add(items, received, invalid)
                    for item in items:
                        stamp = item.source_updated_at.astimezone(UTC).strftime(
                            "%Y-%m-%dT%H:%M:%SZ"
                        )
                        newest = max(newest or stamp, stamp)
        result.cursor = newest
        # END SOLUTION

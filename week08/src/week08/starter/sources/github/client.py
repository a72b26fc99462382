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
    raise NotImplementedError("TODO: validate as GitHubRepo, normalise")


def issue_items(record: object, repo: str) -> list[ItemIn]:
    raise NotImplementedError("TODO: validate as GitHubIssue, normalise for repo")


class GitHubSource:
    name = "github"

    def __init__(
        self, client: ResilientClient, *, org: str, repos: tuple[str, ...], page_size: int = 100
    ) -> None:
        raise NotImplementedError("TODO: keep the arguments")

    async def fetch(self, cursor: str | None, etag: str | None) -> FetchResult:
        raise NotImplementedError("TODO: repositories, then issues since the cursor")

    async def fetch_repositories(self, result: FetchResult, etag: str | None) -> None:
        """Walk ``/orgs/{org}/repos`` newest-updated first, asking "changed since ``etag``?".

        Sorted by ``updated`` (descending), any change to any repository moves it onto page 1 and
        changes page 1's ETag; so a 304 for page 1 means nothing changed: stop there.
        """
        raise NotImplementedError("TODO: If-None-Match; 304: not_modified; else walk")

    async def fetch_issues(self, result: FetchResult, since: str | None) -> None:
        """Issues and pull requests of each configured repository updated ``since`` the cursor.

        The new cursor is the latest ``updated_at`` seen. GitHub's ``since`` is inclusive, so the
        newest issue of the last run comes again: harmless, the upsert finds it unchanged.
        """
        raise NotImplementedError("TODO: per repo: pages since the cursor; newest cursor")

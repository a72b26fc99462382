"""A fake GitHub REST API: an organisation's repositories and a repository's issues.

What it does like GitHub: ``per_page``/``page`` pages with a ``Link`` header (``next``, ``last``),
weak ETags and ``If-None-Match`` -> 304, ``since`` for issues, pull requests listed among issues,
401 for a wrong token. What it can do on command: ``shift_after_page`` inserts a new repository at
the top while a client walks the pages (the next page then repeats an item, as GitHub's do).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from testkit.fake_upstream import FakeUpstream, RateLimit


def repo(
    repo_id: int, name: str, updated_at: str, *, org: str = "acme", stars: int = 0
) -> dict[str, Any]:
    """A repository as ``GET /orgs/{org}/repos`` lists it (a realistic subset of its fields)."""
    full_name = f"{org}/{name}"
    return {
        "id": repo_id,
        "node_id": f"R_{repo_id:08d}",
        "name": name,
        "full_name": full_name,
        "private": False,
        "owner": {"login": org, "id": 1, "type": "Organization"},
        "html_url": f"https://github.com/{full_name}",
        "description": f"The {name} project",
        "fork": False,
        "url": f"https://api.github.com/repos/{full_name}",
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": updated_at,
        "pushed_at": updated_at,
        "stargazers_count": stars,
        "watchers_count": stars,
        "language": "Python",
        "forks_count": 0,
        "archived": False,
        "open_issues_count": 1,
        "topics": ["demo"],
        "visibility": "public",
    }


def issue(
    issue_id: int, number: int, title: str, updated_at: str, *, repo_full_name: str = "acme/rocket",
    pull_request: bool = False, state: str = "open",
) -> dict[str, Any]:  # fmt: skip
    """An issue as ``GET /repos/{owner}/{repo}/issues`` lists it; a pull request has ``pull_request``."""
    body: dict[str, Any] = {
        "id": issue_id,
        "node_id": f"I_{issue_id:08d}",
        "url": f"https://api.github.com/repos/{repo_full_name}/issues/{number}",
        "html_url": f"https://github.com/{repo_full_name}/issues/{number}",
        "number": number,
        "state": state,
        "title": title,
        "body": "Steps to reproduce: ...",
        "user": {"login": "octocat", "id": 583231, "type": "User"},
        "labels": [{"id": 1, "name": "bug", "color": "d73a4a"}],
        "comments": 2,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": updated_at,
        "closed_at": None,
        "author_association": "MEMBER",
    }
    if pull_request:
        body["pull_request"] = {"url": body["url"].replace("issues", "pulls")}
    return body


def _etag(content: bytes) -> str:
    return f'W/"{hashlib.sha256(content).hexdigest()[:32]}"'


def _page_params(request: Request) -> tuple[int, int]:
    per_page = min(100, max(1, int(request.query_params.get("per_page", "30"))))
    page = max(1, int(request.query_params.get("page", "1")))
    return per_page, page


def _link_header(request: Request, page: int, pages: int) -> str:
    links = []
    if page < pages:
        links.append(f'<{request.url.include_query_params(page=page + 1)}>; rel="next"')
        links.append(f'<{request.url.include_query_params(page=pages)}>; rel="last"')
    if page > 1:
        links.append(f'<{request.url.include_query_params(page=1)}>; rel="first"')
        links.append(f'<{request.url.include_query_params(page=page - 1)}>; rel="prev"')
    return ", ".join(links)


@dataclass
class FakeGitHub:
    org: str = "acme"
    repos: list[dict[str, Any]] = field(default_factory=list)  # newest-updated first
    issues: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # "acme/rocket" -> [...]
    token: str | None = None  # if set, requests must send "Authorization: Bearer <token>"
    shift_after_page: tuple[int, dict[str, Any]] | None = None  # (page, repo to insert on top)

    def routes(self) -> list[Route]:
        return [
            Route("/orgs/{org}/repos", self.list_repos),
            Route("/repos/{owner}/{name}/issues", self.list_issues),
        ]

    def upstream(self, rate_limit: RateLimit | None = None) -> FakeUpstream:
        return FakeUpstream(self.routes(), rate_limit=rate_limit)

    def _unauthorized(self, request: Request) -> Response | None:
        if self.token and request.headers.get("authorization") != f"Bearer {self.token}":
            body = {
                "message": "Bad credentials",
                "documentation_url": "https://docs.github.com/rest",
            }
            return JSONResponse(body, status_code=401)
        return None

    def _paged(self, request: Request, records: list[dict[str, Any]]) -> Response:
        per_page, page = _page_params(request)
        pages = max(1, math.ceil(len(records) / per_page))
        content = json.dumps(records[(page - 1) * per_page : page * per_page]).encode()
        etag = _etag(content)
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        headers = {"ETag": etag, "Content-Type": "application/json; charset=utf-8"}
        if link := _link_header(request, page, pages):
            headers["Link"] = link
        return Response(content, headers=headers)

    async def list_repos(self, request: Request) -> Response:
        if denied := self._unauthorized(request):
            return denied
        if request.path_params["org"] != self.org:
            return JSONResponse({"message": "Not Found"}, status_code=404)
        response = self._paged(request, list(self.repos))
        _, page = _page_params(request)
        if self.shift_after_page and self.shift_after_page[0] == page:
            self.repos.insert(0, self.shift_after_page[1])  # a repository is pushed to meanwhile
            self.shift_after_page = None
        return response

    async def list_issues(self, request: Request) -> Response:
        if denied := self._unauthorized(request):
            return denied
        full_name = f"{request.path_params['owner']}/{request.path_params['name']}"
        if full_name not in self.issues:
            return JSONResponse({"message": "Not Found"}, status_code=404)
        records = self.issues[full_name]
        if since := request.query_params.get("since"):
            cutoff = datetime.fromisoformat(since).astimezone(UTC)
            records = [r for r in records if datetime.fromisoformat(r["updated_at"]) >= cutoff]
        return self._paged(request, records)

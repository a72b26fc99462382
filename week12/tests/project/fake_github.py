"""A fake of GitHub's issue endpoint, served over real TCP (the testkit's ``FakeUpstream``).

``GET /repos/{owner}/{repo}/issues/{number}`` answers like GitHub: the issue's JSON, a weak
``ETag`` of its content, ``Cache-Control: private, max-age=60, s-maxage=60``, and ``304 Not
Modified`` (no body) when ``If-None-Match`` names the current ETag. Documented at
https://docs.github.com/en/rest/issues/issues#get-an-issue and
https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from testkit.fake_upstream import FakeUpstream

CACHE_CONTROL = "private, max-age=60, s-maxage=60"


def issue(
    number: int, title: str, state: str = "open", labels: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "id": 1000 + number,
        "number": number,
        "title": title,
        "state": state,
        "html_url": f"https://github.com/acme/rocket/issues/{number}",
        "labels": [{"id": i, "name": name} for i, name in enumerate(labels)],
        "updated_at": "2026-11-30T10:00:00Z",
        "user": {"login": "ada"},
        "reactions": {"+1": 3},  # more than we use: ignored
    }


class FakeGitHub:
    def __init__(self) -> None:
        self.issues: dict[tuple[str, str, int], dict[str, Any]] = {}
        self.cache_control = CACHE_CONTROL

    def reset(self) -> None:
        self.issues = {("acme", "rocket", 1): issue(1, "Launch fails on Mondays", labels=("bug",))}
        self.cache_control = CACHE_CONTROL

    async def get_issue(self, request: Request) -> Response:
        params = request.path_params
        found = self.issues.get((params["owner"], params["repo"], int(params["number"])))
        if found is None:
            return JSONResponse({"message": "Not Found"}, status_code=404)
        body = json.dumps(found).encode()
        etag = f'W/"{hashlib.sha256(body).hexdigest()[:20]}"'
        headers = {"ETag": etag, "Cache-Control": self.cache_control}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)

    def upstream(self) -> FakeUpstream:
        route = Route("/repos/{owner}/{repo}/issues/{number:int}", self.get_issue)
        return FakeUpstream([route])

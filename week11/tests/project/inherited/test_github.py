"""Task 7: GitHub issue previews, through the HTTP cache: fresh answers without a request, the
source in ``X-Cache``, GitHub's errors as problems (404, 503), hostile names refused (422)."""

from __future__ import annotations

import httpx
import pytest

from testkit.fake_upstream import FakeUpstream, Fault

from ..fake_github import FakeGitHub, issue

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points
ISSUE = "/integrations/github/repos/acme/rocket/issues/1"


async def test_a_preview_comes_from_github_once_then_from_the_cache(
    v2: httpx.AsyncClient, github: FakeUpstream
) -> None:
    first = await v2.get(ISSUE)
    second = await v2.get(ISSUE)
    assert first.status_code == second.status_code == 200
    assert first.json() == {
        "repository": "acme/rocket",
        "number": 1,
        "title": "Launch fails on Mondays",
        "state": "open",
        "url": "https://github.com/acme/rocket/issues/1",
        "labels": ["bug"],
        "is_pull_request": False,
        "updated_at": "2026-11-30T10:00:00Z",
    }
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("upstream", "fresh")
    assert second.json() == first.json()
    assert len(github.requests_to("/repos/acme/rocket/issues/1")) == 1


async def test_a_pull_request_says_so(
    v2: httpx.AsyncClient, github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    pull = issue(2, "Add telemetry") | {"pull_request": {"url": "https://api.github.com/..."}}
    github_fake.issues["acme", "rocket", 2] = pull
    preview = (await v2.get("/integrations/github/repos/acme/rocket/issues/2")).json()
    assert preview["is_pull_request"] is True


async def test_an_issue_github_does_not_have_is_a_404_problem(
    v2: httpx.AsyncClient, github: FakeUpstream
) -> None:
    response = await v2.get("/integrations/github/repos/acme/rocket/issues/99")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_github_down_without_a_stored_answer_is_a_503_with_retry_after(
    v2: httpx.AsyncClient, github: FakeUpstream
) -> None:
    github.inject(Fault.status_code(502))
    response = await v2.get(ISSUE)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "30"
    assert response.json()["detail"] == "GitHub cannot be reached; try again later"


async def test_an_answer_we_cannot_read_is_a_503_not_a_500(
    v2: httpx.AsyncClient, github: FakeUpstream
) -> None:
    github.inject(Fault.body(b'{"number": "one"}'))
    response = await v2.get(ISSUE)
    assert response.status_code == 503
    assert response.json()["detail"] == "GitHub sent an issue we cannot read"


@pytest.mark.parametrize(
    "path",
    [
        "/integrations/github/repos/-acme/rocket/issues/1",
        "/integrations/github/repos/acme/../issues/1",
        "/integrations/github/repos/acme/%2E%2E/issues/1",
        "/integrations/github/repos/acme/ro%20cket/issues/1",
        "/integrations/github/repos/acme/rocket/issues/0",
        "/integrations/github/repos/acme/rocket/issues/99999999999",
        "/integrations/github/repos/" + "a" * 40 + "/rocket/issues/1",
    ],
)
async def test_names_github_would_not_have_are_refused_before_any_request(
    v2: httpx.AsyncClient, github: FakeUpstream, path: str
) -> None:
    response = await v2.get(path)
    assert response.status_code in (404, 422), response.text  # ".." is resolved by the client
    assert github.requests == []


async def test_previews_need_a_token(anonymous: httpx.AsyncClient, github: FakeUpstream) -> None:
    response = await anonymous.get("http://testserver/api/v2" + ISSUE)
    assert response.status_code == 401
    assert github.requests == []

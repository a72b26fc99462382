"""Task 5: Link-header pages (GitHub) and cursor pages (Stripe), over real sockets."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from week08.fakes.github import FakeGitHub, repo
from week08.fakes.stripe import FakeStripe, event, payment_intent

from testkit import impl_module
from testkit.fake_upstream import FakeUpstream

from .conftest import items, sync

pytestmark = pytest.mark.task(5)


def parse(value: str | None) -> dict[str, str]:
    links: dict[str, str] = impl_module("week08", "resilience.pagination").parse_link_header(value)
    return links


@pytest.mark.points(2)
def test_the_link_header_is_parsed_into_relations() -> None:
    header = (
        '<https://api.github.com/orgs/python/repos?page=2>; rel="next", '
        '<https://api.github.com/orgs/python/repos?page=9>; rel="last"'
    )

    assert parse(header) == {
        "next": "https://api.github.com/orgs/python/repos?page=2",
        "last": "https://api.github.com/orgs/python/repos?page=9",
    }


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, {}),
        ("", {}),
        ("garbage", {}),
        ("<https://x.test/a?page=2>", {}),  # no rel: not a relation we can use
        ("<https://x.test/a?page=2>; rel=next", {"next": "https://x.test/a?page=2"}),
        ('<https://x.test/2>; title="p"; rel="Next"', {"next": "https://x.test/2"}),
        ('<https://x.test/9>; rel="next last"', {"next": "https://x.test/9", "last": "https://x.test/9"}),
        ('<https://x.test/1>;rel="prev",<https://x.test/3>;rel="next"',
         {"prev": "https://x.test/1", "next": "https://x.test/3"}),
    ],
)  # fmt: skip
def test_link_header_edge_cases(header: str | None, expected: dict[str, str]) -> None:
    assert parse(header) == expected


class Plain:
    """The smallest ``Requester``: an httpx client, no resilience (this task is about pages)."""

    name = "plain"

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = await self.http.request(method, url, **kwargs)
        return response.raise_for_status()


async def walk(url: str, base: str, **kwargs: Any) -> list[httpx.Response]:
    follow = impl_module("week08", "resilience.pagination").follow_links
    async with httpx.AsyncClient(base_url=base) as http:
        return [page async for page in follow(Plain(http), url, **kwargs)]


@pytest.mark.points(3)
async def test_follow_links_yields_every_page_in_order(
    github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    github_fake.token = None
    github_fake.repos = [repo(n, f"r{n}", "2026-11-01T00:00:00Z") for n in range(1, 8)]

    pages = await walk("/orgs/acme/repos", github.url, params={"per_page": 3})

    assert [len(p.json()) for p in pages] == [3, 3, 1]
    assert [r["id"] for p in pages for r in p.json()] == list(range(1, 8))
    assert len(github.requests_to("/orgs/acme/repos")) == 3
    assert "per_page=3" in github.requests[-1].query  # the next URL kept the parameters


@pytest.mark.points(2)
async def test_a_next_link_to_another_host_is_refused() -> None:
    async def evil(request: Request) -> JSONResponse:
        return JSONResponse([], headers={"Link": '<https://evil.example/steal>; rel="next"'})

    with FakeUpstream([Route("/list", evil)]) as upstream:
        errors = impl_module("week08", "resilience.errors")
        with pytest.raises(errors.InvalidResponseError, match="another host"):
            await walk("/list", upstream.url)

    assert len(upstream.requests) == 1  # page 1 only: nothing was sent to evil.example


@pytest.mark.points(2)
async def test_a_next_link_that_loops_is_refused() -> None:
    async def loop(request: Request) -> JSONResponse:
        page = int(request.query_params.get("page", "1"))
        following = request.url.include_query_params(page=2 if page == 1 else 1)
        return JSONResponse([page], headers={"Link": f'<{following}>; rel="next"'})

    with FakeUpstream([Route("/list", loop)]) as upstream:
        errors = impl_module("week08", "resilience.errors")
        with pytest.raises(errors.InvalidResponseError, match="loops"):
            await walk("/list?page=1", upstream.url)

    assert len(upstream.requests) == 2


@pytest.mark.points(3)
async def test_cursor_pages_are_walked_with_starting_after(
    client: httpx.AsyncClient, stripe: FakeUpstream, stripe_fake: FakeStripe
) -> None:
    stripe_fake.events = [
        event(f"evt_{n}", "payment_intent.succeeded", payment_intent(f"pi_{n}", 100 * n, "succeeded"),
              created=1796030000 + n)
        for n in range(1, 6)
    ]  # fmt: skip

    status = await sync(client, "payments")  # page size 2: 3 pages

    queries = [r.query for r in stripe.requests_to("/v1/events")]
    assert len(queries) == 3
    assert "starting_after" not in queries[0]
    assert "starting_after=evt_4" in queries[1]
    assert "starting_after=evt_2" in queries[2]
    assert status["counts"]["inserted"] == 5


@pytest.mark.points(3)
async def test_a_listing_that_shifts_during_the_walk_stores_each_record_once(
    client: httpx.AsyncClient, github_fake: FakeGitHub
) -> None:
    # After page 1 is served, a repository is pushed to and moves to the top: page 2 then starts
    # with the last item of page 1 again (offset pages shift; the records are not lost, but doubled).
    github_fake.shift_after_page = (1, repo(104, "launchpad", "2026-12-01T07:00:00Z"))

    status = await sync(client, "github")

    assert status["status"] == "ok"
    names = sorted(i["title"] for i in await items(client, kind="repository"))
    assert names == ["acme/engine", "acme/hangar", "acme/rocket"]  # engine came twice, stored once
    assert status["counts"]["unchanged"] == 1  # the repeat
    again = await sync(client, "github")  # the next sync picks up the new one
    assert again["counts"]["inserted"] == 1

"""HTTP method semantics (RFC 9110 section 9) on every documented path.

- ``HEAD`` wherever ``GET`` works: the same status and headers, no body (section 9.3.2: every
  general-purpose server MUST support GET and HEAD);
- ``OPTIONS``: a 2xx listing the path's methods in ``Allow``, or a 405 that still says ``Allow``;
- any other method the path does not document: 405 with an ``Allow`` header naming the methods it
  does support (section 15.5.6), as a problem; never a 422 from a route that happened to match;
- an unknown path: 404 as a problem.
"""

from __future__ import annotations

import asyncio

import httpx

from testkit.hostile.checks import Finding, describe, excerpt, problem_shape
from testkit.hostile.document import METHODS, Api, Operation
from testkit.hostile.probe import Seeds, content_for, raw, required_headers


def allowed(response: httpx.Response) -> set[str]:
    return {m.strip().upper() for m in response.headers.get("allow", "").split(",") if m.strip()}


async def check_path(
    client: httpx.AsyncClient, path: str, operations: dict[str, Operation], seeds: Seeds
) -> list[Finding]:
    some = operations.get("GET") or next(iter(operations.values()))
    url, documented = seeds.url(some), set(operations)
    found: list[Finding] = []

    def finding(method: str, problem: str) -> None:
        found.append(Finding(describe(method, url), problem))

    if "GET" in operations:
        get, head = await client.get(url), await client.head(url)
        if head.status_code != get.status_code:
            finding("HEAD", f"HEAD gave {head.status_code} where GET gave {get.status_code}")
        if head.content:
            finding("HEAD", f"HEAD sent a body: {excerpt(head.text)}")
    options = await client.options(url)
    if options.status_code == 405 or options.is_success:
        if not documented <= allowed(options):
            finding("OPTIONS", f"Allow {options.headers.get('allow')!r} lacks {sorted(documented)}")
    else:
        finding("OPTIONS", f"OPTIONS gave {options.status_code}, not 2xx or 405")
    for method in sorted(set(METHODS) - documented):
        response = await client.request(
            method, url, headers=raw(required_headers(some)), content=content_for(some, seeds)
        )
        if response.status_code != 405:
            finding(method, f"undocumented method gave {response.status_code}, not 405: "
                            f"{excerpt(response.text)}")  # fmt: skip
        elif not documented <= allowed(response):
            finding(method, f"405 with Allow {response.headers.get('allow')!r}, "
                            f"not {sorted(documented)}")  # fmt: skip
        found += [Finding(describe(method, url), p) for p in problem_shape(response)]
    return found


async def probe_methods(api: Api, in_flight: int = 6) -> list[Finding]:
    """Check method semantics on every documented path (and one unknown path), ``in_flight``
    paths at once."""
    async with api.client() as client:
        seeds = Seeds()
        await seeds.plant(client, api, per_collection=1)
        gate = asyncio.Semaphore(in_flight)

        async def one(path: str, operations: dict[str, Operation]) -> list[Finding]:
            async with gate:
                try:
                    return await check_path(client, path, operations, seeds)
                except httpx.HTTPError as exc:
                    return [Finding(path, f"no answer: {exc!r}")]

        paths = sorted(api.by_path().items())
        found = [f for path in await asyncio.gather(*(one(*p) for p in paths)) for f in path]
        unknown = await client.get("/no-such-path-anywhere")
        if unknown.status_code != 404:
            found.append(Finding("GET /no-such-path-anywhere", f"gave {unknown.status_code}"))
        found += [Finding("GET /no-such-path-anywhere", p) for p in problem_shape(unknown)]
        return found

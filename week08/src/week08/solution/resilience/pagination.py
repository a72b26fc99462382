"""Following an upstream's pages.

GitHub (and many REST APIs) put the pages in the ``Link`` header (RFC 8288)::

    Link: <https://api.github.com/orgs/python/repos?page=2>; rel="next",
          <https://api.github.com/orgs/python/repos?page=9>; rel="last"

Follow ``rel="next"`` until there is none; never build page URLs yourself (the server may switch
to cursors tomorrow, and the URL it gives you keeps every parameter). Stripe-style cursor lists
(``has_more`` + ``starting_after``) are walked in ``sources/payments/client.py``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Mapping
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import InvalidResponseError

_LINK = re.compile(r"<(?P<url>[^>]*)>(?P<params>[^,]*)")
_REL = re.compile(r"""rel\s*=\s*(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s;]+))""", re.IGNORECASE)
MAX_PAGES = 1000  # a loop guard: an upstream whose "next" never ends must not hang a sync


class Requester(Protocol):
    """What ``follow_links`` needs: ``ResilientClient.request``'s shape."""

    name: str

    async def request(
        self, method: str, url: str, *, params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response: ...  # fmt: skip


def parse_link_header(value: str | None) -> dict[str, str]:
    """``{"next": url, "last": url}`` from a ``Link`` header; ``{}`` if absent or empty.

    A link may carry several relations (``rel="next last"``); each one maps to its URL.
    """
    # BEGIN SOLUTION find every <url>; params, read rel (quoted or bare), map each rel to the url
    links: dict[str, str] = {}
    for match in _LINK.finditer(value or ""):
        rel = _REL.search(match["params"])
        if rel:
            for name in (rel["quoted"] or rel["bare"] or "").split():
                links[name.lower()] = match["url"].strip()
    return links
    # END SOLUTION


async def follow_links(
    client: Requester, url: str, *, params: Mapping[str, str | int] | None = None,
    headers: Mapping[str, str] | None = None,
) -> AsyncGenerator[httpx.Response]:  # fmt: skip
    """Yield the first page's response, then each ``rel="next"`` page's, until there is none.

    The first request carries ``params`` and ``headers`` (e.g. ``If-None-Match``); next URLs are
    used as given. A next link to another host is refused (it would receive our credentials),
    and so is a next link seen before (a loop).
    """
    # BEGIN SOLUTION request, yield, parse Link, check host and loops, continue with next
    response = await client.request("GET", url, params=params, headers=headers)
    origin = urlsplit(str(response.request.url)).netloc
    seen = {str(response.request.url)}
    for _ in range(MAX_PAGES):
        yield response
        following = parse_link_header(response.headers.get("link")).get("next")
        if following is None:
            return
        following = urljoin(str(response.request.url), following)
        if urlsplit(following).netloc != origin:
            raise InvalidResponseError(client.name, f"next page on another host: {following}")
        if following in seen:
            raise InvalidResponseError(client.name, f"pagination loops back to {following}")
        seen.add(following)
        response = await client.request("GET", following)
    raise InvalidResponseError(client.name, f"more than {MAX_PAGES} pages")
    # END SOLUTION

"""Following ``Link: <...>; rel="next"`` pages (RFC 8288), as GitHub sends them. Never build page
URLs yourself: the next URL keeps every parameter. (Stripe's cursor lists: ``sources/payments``.)"""

import re
from collections.abc import AsyncGenerator, Mapping
from urllib.parse import urljoin, urlsplit

import httpx

from .client import ResilientClient
from .errors import InvalidResponseError

_LINK = re.compile(r"<(?P<url>[^>]*)>(?P<params>[^,]*)")
_REL = re.compile(r"""rel\s*=\s*(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s;]+))""", re.IGNORECASE)
MAX_PAGES = 1000  # a loop guard: an upstream whose "next" never ends must not hang a sync


def parse_link_header(value: str | None) -> dict[str, str]:
    """``{"next": url, "last": url}`` from a ``Link`` header; ``{}`` if absent or empty.

    A link may carry several relations (``rel="next last"``); each one maps to its URL.
    """
    raise NotImplementedError("TODO: each <url>; params: rel (quoted or bare) -> url")


async def follow_links(
    client: ResilientClient, url: str, *, params: Mapping[str, str | int] | None = None,
    headers: Mapping[str, str] | None = None,
) -> AsyncGenerator[httpx.Response]:  # fmt: skip
    """Yield page 1 (sent with ``params`` and ``headers``), then each ``rel="next"`` page as given;
    refuse a next link to another host (it would get our credentials) or one seen before (a loop)."""
    raise NotImplementedError("TODO: request, yield, next link: check, go on")
    yield  # (unreachable: it keeps this function an async generator)

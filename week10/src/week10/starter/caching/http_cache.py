"""``HttpCache``: an external API's responses, cached the way the API says (RFC 9111, the parts a
server-side cache needs), over week 8's ``ResilientClient``.

The upstream decides how long its answer stays fresh (``Cache-Control: max-age=60``; GitHub sends
``private, max-age=60, s-maxage=60``) and gives it a validator (``ETag``, ``Last-Modified``):

- **fresh** (younger than ``max-age``): served from Redis, no request at all;
- **stale**: asked again *conditionally* (``If-None-Match: <etag>``); a ``304 Not Modified`` has
  no body and, on GitHub, does not count against the rate limit: the stored body is fresh again;
- ``no-store``: never stored; ``no-cache``: stored, but revalidated every time;
- the upstream **fails** (down, 5xx, timeouts after week 8's retries): the last good answer is
  served while it is kept (``stale-if-error``), and only without one does the error surface;
- **Redis fails**: no cache at all, every call goes to the upstream.

``private`` does not stop us: it forbids *shared* caches to reuse an answer for other users of the
upstream, and the credentials that asked are the app's own. Freshness is capped (``max_fresh``),
and stored answers are kept ``keep_stale`` seconds beyond it for revalidation and errors.
"""

import time
from collections.abc import Mapping
from dataclasses import dataclass

from ..resilience.client import ResilientClient
from ..resilience.clock import Now
from .guard import RedisGuard
from .metrics import CacheMetrics


@dataclass(frozen=True)
class CacheControl:
    no_store: bool = False
    no_cache: bool = False
    max_age: int | None = None

    @classmethod
    def parse(cls, header: str | None) -> "CacheControl":
        """``Cache-Control`` directives (case-insensitive, comma-separated, ``name=value``);
        ``s-maxage`` wins over ``max-age``; unknown directives and bad numbers are ignored."""
        raise NotImplementedError("TODO: the directives we use")


@dataclass(frozen=True)
class Answer:
    body: str
    source: str  # "fresh" (Redis), "revalidated" (304), "upstream" (200), "stale" (upstream down)


class HttpCache:
    """TODO (task 7): GET through Redis as the module's docstring says. Store what you need to
    revalidate (a Pydantic model: the body, the validators, until when it is fresh)."""

    def __init__(
        self,
        client: ResilientClient,
        guard: RedisGuard,
        metrics: CacheMetrics,
        *,
        max_fresh: int = 3600,
        keep_stale: int = 24 * 3600,
        now: Now = time.time,
    ) -> None:
        self.client = client
        self.guard = guard
        self.metrics = metrics
        self.max_fresh = max_fresh
        self.keep_stale = keep_stale
        self.now = now
        self.name = f"http.{client.name}"

    async def get(self, path: str, params: Mapping[str, str] | None = None) -> Answer:
        """GET ``path`` through the cache. ``UpstreamError`` only when the upstream fails and no
        stored answer is left (an ``UpstreamRejectedError`` such as a 404 is never cached)."""
        raise NotImplementedError("TODO: fresh, revalidate, store, or stale")

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

import contextlib
import time
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis

from ..resilience.client import ResilientClient
from ..resilience.clock import Now
from ..resilience.errors import UpstreamError, UpstreamRejectedError
from . import keys
from .guard import RedisGuard, RedisUnavailableError
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
        directives: dict[str, str] = {}
        for part in (header or "").split(","):
            name, _, value = part.strip().partition("=")
            if name:
                directives[name.lower()] = value.strip().strip('"')
        ages = [directives.get("s-maxage", ""), directives.get("max-age", "")]
        max_age = next((int(age) for age in ages if age.isdigit()), None)
        return cls("no-store" in directives, "no-cache" in directives, max_age)


class StoredResponse(BaseModel):
    body: str  # the JSON text, exactly as the upstream sent it
    etag: str | None = None
    last_modified: str | None = None
    fresh_until: float  # epoch seconds


@dataclass(frozen=True)
class Answer:
    body: str
    source: (
        str  # "fresh" (from Redis), "revalidated" (304), "upstream" (200), "stale" (upstream down)
    )


class HttpCache:
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
        url = str(self.client.http.build_request("GET", path, params=params).url)
        key = keys.http_response(self.client.name, url)
        stored = await self._lookup(key)
        if stored is not None and self.now() < stored.fresh_until:
            await self.metrics.record(self.name, hits=1)
            return Answer(stored.body, "fresh")
        headers = {}
        if stored is not None and stored.etag:
            headers["If-None-Match"] = stored.etag
        elif stored is not None and stored.last_modified:
            headers["If-Modified-Since"] = stored.last_modified
        started = self.now()
        try:
            response = await self.client.request("GET", path, params=params, headers=headers)
        except UpstreamRejectedError:
            raise  # the upstream's "no" (404, 401): not ours to hide
        except UpstreamError:
            if stored is None:
                raise
            await self.metrics.record(self.name, errors=1)
            return Answer(stored.body, "stale")
        took = self.now() - started
        control = CacheControl.parse(response.headers.get("cache-control"))
        if response.status_code == 304 and stored is not None:
            await self._store(key, stored.model_copy(update={"fresh_until": self._until(control)}))
            await self.metrics.record(self.name, hits=1, recomputes=1, recompute_seconds=took)
            return Answer(stored.body, "revalidated")
        await self.metrics.record(self.name, misses=1, recomputes=1, recompute_seconds=took)
        if not control.no_store:
            entry = StoredResponse(
                body=response.text,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                fresh_until=self._until(control),
            )
            await self._store(key, entry)
        return Answer(response.text, "upstream")

    def _until(self, control: CacheControl) -> float:
        """When an answer received now stops being fresh."""
        fresh = 0 if control.no_cache else min(control.max_age or 0, self.max_fresh)
        return self.now() + fresh

    async def _lookup(self, key: str) -> StoredResponse | None:
        try:
            raw = await self.guard(lambda redis: redis.get(key))
        except RedisUnavailableError:
            await self.metrics.record(self.name, errors=1)
            return None
        if raw is None:
            return None
        try:
            return StoredResponse.model_validate_json(raw)
        except ValidationError:
            return None  # unreadable: as if absent (the next answer overwrites it)

    async def _store(self, key: str, entry: StoredResponse) -> None:
        ttl = max(1, int(entry.fresh_until - self.now()) + self.keep_stale)

        async def write(redis: Redis) -> None:
            await redis.set(key, entry.model_dump_json(), ex=ttl)

        with contextlib.suppress(RedisUnavailableError):
            await self.guard(write)

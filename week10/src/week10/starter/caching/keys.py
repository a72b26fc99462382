"""Every Redis key of the app, built in one place (lecture 2, "key design").

``tm:v1:...``: the app's namespace (one Redis server may serve several apps) and the version of
what is stored (bump it when a cached shape changes, and a deploy never reads the old shapes).

A cached read of one user lives under ``tm:v1:e<epoch>:owner:<id>:g<generation>:<name>:<digest>``:

- ``generation``: the owner's counter (``owner_generation``); every write of the owner ``INCR``s
  it, and all the owner's cached reads (every filter, sort and page) are out of reach at once;
- ``epoch``: one counter for the whole app (``EPOCH``), ``INCR``ed after Redis missed writes
  (an outage): nobody knows which entries those writes made stale, so none is used again;
- ``digest``: the query's parameters as a short hash of their canonical JSON: the same query gives
  the same key, and nothing a user typed ever becomes part of a key.

Generations and the epoch have no TTL (entries have one): with ``maxmemory-policy volatile-lru``
Redis evicts only entries under memory pressure, never a counter.
"""

from pydantic import BaseModel

# TODO (task 1): the namespace and version of every key, the epoch's key, and the pattern that
# matches every cache's counters (``CacheMetrics.snapshot`` scans for it).


def digest(params: BaseModel | dict[str, object]) -> str:
    """16 hex digits naming ``params``: equal parameters (in any order) give equal digests."""
    raise NotImplementedError("TODO: canonical JSON, sha256, 16 digits")


def owner_generation(owner_id: int) -> str:
    """The owner's generation counter."""
    raise NotImplementedError("TODO: the owner's counter")


def entry(epoch: int, owner_id: int, generation: int, name: str, params_digest: str) -> str:
    """A cached read, in the layout of the module's docstring."""
    raise NotImplementedError("TODO: the layout in the module's docstring")


def lock(key: str) -> str:
    """The stampede lock of an entry."""
    raise NotImplementedError("TODO: the entry's key + :lock")


def metrics(cache_name: str) -> str:
    """The hash with the counters of one cache (hits, misses, errors, recompute time)."""
    raise NotImplementedError("TODO: one hash per cache, under the namespace")


def http_response(upstream: str, url: str) -> str:
    """A cached response of an external API, by the request's full URL."""
    raise NotImplementedError("TODO: namespace, upstream, digest of the URL")

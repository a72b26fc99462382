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

import hashlib
import json
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

PREFIX = "tm:v1"
EPOCH = f"{PREFIX}:epoch"


def digest(params: BaseModel | dict[str, Any]) -> str:
    """16 hex digits naming ``params``: equal parameters (in any order) give equal digests."""
    values = to_jsonable_python(params)  # models, enums, dates, tuples: plain JSON values
    canonical = json.dumps(values, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def owner_generation(owner_id: int) -> str:
    return f"{PREFIX}:owner:{owner_id}:generation"


def entry(epoch: int, owner_id: int, generation: int, name: str, params_digest: str) -> str:
    return f"{PREFIX}:e{epoch}:owner:{owner_id}:g{generation}:{name}:{params_digest}"


def lock(key: str) -> str:
    """The stampede lock of an entry."""
    return f"{key}:lock"


def metrics(cache_name: str) -> str:
    """The hash with the counters of one cache (hits, misses, errors, recompute time)."""
    return f"{PREFIX}:metrics:{cache_name}"


METRICS_PATTERN = f"{PREFIX}:metrics:*"


def http_response(upstream: str, url: str) -> str:
    """A cached response of an external API, by the request's full URL."""
    return f"{PREFIX}:http:{upstream}:{digest({'url': url})}"

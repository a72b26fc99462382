"""L1: why ``KEYS`` is dangerous and ``SCAN`` is not.

Redis runs one command at a time. ``KEYS pattern`` walks the **whole** keyspace in one command:
with millions of keys the server does nothing else for a second or more, and every other client
of the server (your cache, your sessions, your rate limits) waits. ``SCAN cursor MATCH pattern
COUNT n`` walks it in small steps: each call returns a few keys and a cursor to continue from, so
other commands run in between. Its contract: every key that exists for the whole walk is returned
at least once (a key may come twice: deduplicate if it matters), ``COUNT`` is a hint of the work
per call (not of the keys returned: ``MATCH`` filters after fetching), and the walk ends when the
cursor comes back as 0. redis-py wraps the loop: ``for key in r.scan_iter(match=..., count=...)``.

``demo()`` fills a server with keys, then lists them both ways and asks the server itself
(``INFO commandstats``) how long it was busy per command: one long stop for ``KEYS``, many short
ones for ``SCAN``. (``FLUSHDB``, ``DEL`` of a huge key and ``SMEMBERS`` of a huge set block the
same way: ``UNLINK``, ``SSCAN``/``HSCAN``/``ZSCAN`` are their incremental cousins.)

Run: ``uv run python -m week10.lectures.l1_scan``
"""

from dataclasses import dataclass

from redis import Redis

from week10.lectures.servers import local_redis


def fill(r: Redis, keys: int, batch: int = 1000) -> None:
    """``keys`` string keys ``item:0`` ... in batches of one ``MSET`` each (one round trip)."""
    for start in range(0, keys, batch):
        r.mset({f"item:{n}": "x" for n in range(start, min(start + batch, keys))})


def with_keys(r: Redis, pattern: str) -> set[str]:
    return {str(key) for key in r.keys(pattern)}  # KEYS item:*  (one command, one reply)


def with_scan(r: Redis, pattern: str, count: int = 100) -> tuple[set[str], int]:
    """Every matching key, and how many ``SCAN`` calls it took."""
    found: set[str] = set()  # a set: SCAN may return a key twice
    cursor, calls = 0, 0
    while True:
        cursor, keys = r.scan(cursor, match=pattern, count=count)  # SCAN 0 MATCH item:* COUNT 100
        calls += 1
        found.update(str(key) for key in keys)
        if cursor == 0:  # the walk is over
            return found, calls


@dataclass(frozen=True)
class ServerTime:
    calls: int
    usec_per_call: float  # how long the server was busy with one call (nothing else ran)


def server_time(r: Redis, command: str) -> ServerTime:
    stats = r.info("commandstats")[f"cmdstat_{command}"]  # INFO commandstats
    return ServerTime(int(stats["calls"]), float(stats["usec_per_call"]))


@dataclass(frozen=True)
class Comparison:
    same_keys: bool
    keys: int
    scan_calls: int
    keys_time: ServerTime
    scan_time: ServerTime


def demo(r: Redis, keys: int = 20_000) -> Comparison:
    fill(r, keys)
    r.config_resetstat()  # CONFIG RESETSTAT: count from here
    by_keys = with_keys(r, "item:*")
    by_scan, calls = with_scan(r, "item:*")
    return Comparison(
        by_keys == by_scan, len(by_keys), calls, server_time(r, "keys"), server_time(r, "scan")
    )


def main() -> None:
    with local_redis() as url:
        r = Redis.from_url(url, decode_responses=True)
        result = demo(r)
        r.close()
    print(f"both found the same {result.keys} keys: {result.same_keys}")
    busy = result.keys_time.usec_per_call / 1000
    print(f"KEYS: {result.keys_time.calls} call, the server busy {busy:.1f} ms in one go")
    each = result.scan_time.usec_per_call / 1000
    print(f"SCAN: {result.scan_calls} calls, {each:.2f} ms each (other clients served between)")


if __name__ == "__main__":
    main()

"""L1: the data types, each with the job it does best, and TTL (keys that expire by themselves).

Every function is the redis-py call with its ``redis-cli`` command beside it. redis-py has a
method per command, named after it (``r.incr`` is ``INCR``); with ``decode_responses=True`` it
answers ``str`` instead of ``bytes``. This lecture uses the synchronous client to keep the
commands in front; lecture 2 moves to ``redis.asyncio``, which has the same methods, awaited.

- **string**: a value (text, JSON, bytes up to 512 MB) or an integer counter (``INCR`` is atomic:
  two clients incrementing at once never lose an update);
- **hash**: a small record, field by field (``HSET``, ``HGET``, ``HINCRBY``): an object without
  serialising it, and one field updated without reading the others;
- **list**: ordered, pushed and popped at both ends: a queue (``LPUSH`` + ``BRPOP``), "the last N
  things" (``LPUSH`` + ``LTRIM``);
- **set**: unique members (``SADD``, ``SISMEMBER``, ``SCARD``, ``SINTER``);
- **sorted set**: unique members ordered by a score: rankings (``ZINCRBY``, ``ZRANGE ... REV``),
  and time windows when the score is a timestamp (``ZREMRANGEBYSCORE``: drop what is too old);
- **TTL**: any key can expire (``EXPIRE``, ``SET ... EX``); ``TTL`` says -1 for no expiry and -2
  for no key. Redis deletes an expired key when it is touched, and samples keys in the background
  for the rest, so memory comes back without anybody asking.

Run: ``uv run python -m week10.lectures.l1_data_types``
"""

import time
from typing import cast

from redis import Redis

from week10.lectures.servers import local_redis

# --- strings and counters ------------------------------------------------------------------------


def count_view(r: Redis, page: str) -> int:
    return int(r.incr(f"views:{page}"))  # INCR views:/home


def add_points(r: Redis, user: str, points: int) -> int:
    return int(r.incrby(f"points:{user}", points))  # INCRBY points:ada 5


# --- hashes: a record, field by field ------------------------------------------------------------


def save_user(r: Redis, user_id: int, name: str, plan: str) -> None:
    r.hset(f"user:{user_id}", mapping={"name": name, "plan": plan, "logins": 0})
    # HSET user:7 name Ada plan free logins 0


def record_login(r: Redis, user_id: int) -> int:
    return int(r.hincrby(f"user:{user_id}", "logins", 1))  # HINCRBY user:7 logins 1


def load_user(r: Redis, user_id: int) -> dict[str, str]:
    fields = r.hgetall(f"user:{user_id}")  # HGETALL user:7
    return {str(name): str(value) for name, value in fields.items()}


# --- lists: queues and "recent items" -------------------------------------------------------------


def enqueue(r: Redis, *jobs: str) -> int:
    return int(r.lpush("jobs", *jobs))  # LPUSH jobs a b c  (new ones on the left)


def take_job(r: Redis, wait: float = 1) -> str | None:
    """A worker takes the oldest job, waiting up to ``wait`` seconds for one to arrive."""
    found = r.brpop(["jobs"], timeout=wait)  # BRPOP jobs 1  (from the right: first in, first out)
    return None if found is None else str(found[1])  # (key, value), or None after the wait


def remember_viewed(r: Redis, user: str, task: str, keep: int = 3) -> list[str]:
    key = f"recent:{user}"
    with r.pipeline() as pipe:  # three commands, one round trip
        pipe.lrem(key, 0, task)  # LREM recent:ada 0 task-7   (no duplicates)
        pipe.lpush(key, task)  # LPUSH recent:ada task-7
        pipe.ltrim(key, 0, keep - 1)  # LTRIM recent:ada 0 2      (the list never grows)
        pipe.execute()
    return [str(task) for task in r.lrange(key, 0, -1)]  # LRANGE recent:ada 0 -1


# --- sets: unique members --------------------------------------------------------------------------


def visit(r: Redis, day: str, visitor: str) -> int:
    """Unique visitors of a day: adding someone twice changes nothing."""
    r.sadd(f"visitors:{day}", visitor)  # SADD visitors:2026-12-01 ada
    return int(r.scard(f"visitors:{day}"))  # SCARD visitors:2026-12-01


def tag(r: Redis, task: str, *tags: str) -> None:
    for name in tags:
        r.sadd(f"tag:{name}", task)  # SADD tag:urgent task-1


def tagged_with_all(r: Redis, *tags: str) -> set[str]:
    members = r.sinter([f"tag:{name}" for name in tags])  # SINTER tag:urgent tag:backend
    return {str(member) for member in members}


# --- sorted sets: rankings and time windows ---------------------------------------------------------


def score(r: Redis, player: str, points: float) -> None:
    r.zincrby("leaderboard", points, player)  # ZINCRBY leaderboard 30 ada


def top(r: Redis, n: int) -> list[tuple[str, float]]:
    # ZRANGE leaderboard 0 n-1 REV WITHSCORES  (highest first)
    pairs = r.zrange("leaderboard", 0, n - 1, desc=True, withscores=True)
    return [(str(member), float(points)) for member, points in cast(list[tuple[str, float]], pairs)]


def rank(r: Redis, player: str) -> int | None:
    """1 for the leader; None if the player has no score."""
    position = r.zrevrank("leaderboard", player)  # ZREVRANK leaderboard ada  (0-based)
    return position + 1 if isinstance(position, int) else None


def requests_in_window(r: Redis, client: str, now_ms: int, window_ms: int) -> int:
    """Requests of ``client`` in the last ``window_ms``: every request is a member scored by its
    time; what is older than the window is removed, the rest counted."""
    key = f"requests:{client}"
    r.zadd(key, {f"{now_ms}": now_ms})  # ZADD requests:ada 1000 1000
    r.zremrangebyscore(key, "-inf", now_ms - window_ms)  # ZREMRANGEBYSCORE requests:ada -inf 0
    return int(r.zcard(key))  # ZCARD requests:ada


# --- TTL ----------------------------------------------------------------------------------------


def ttl_rules(r: Redis) -> dict[str, int]:
    """What ``TTL`` answers, and which commands keep or drop a key's expiry."""
    r.set("code", "4711", ex=300)  # SET code 4711 EX 300
    seen = {"with EX 300": int(r.ttl("code"))}  # TTL code -> 300
    r.incr("hits")  # a key without expiry
    seen["without expiry"] = int(r.ttl("hits"))  # -1
    seen["missing key"] = int(r.ttl("nothing"))  # -2
    r.set("code", "0815")  # a plain SET replaces the value AND drops the TTL: a common bug
    seen["after a plain SET"] = int(r.ttl("code"))  # -1
    r.set("code", "4711", ex=300)
    r.set("code", "0815", keepttl=True)  # SET code 0815 KEEPTTL
    seen["after SET ... KEEPTTL"] = int(r.ttl("code"))  # 300
    r.persist("code")  # PERSIST code: never expire
    seen["after PERSIST"] = int(r.ttl("code"))  # -1
    return seen


def expires_by_itself(r: Redis, ttl_ms: int = 50, deadline_s: float = 5) -> float:
    """Set a key that lives ``ttl_ms``; poll until Redis has removed it; return seconds taken."""
    r.set("otp", "123456", px=ttl_ms)  # SET otp 123456 PX 50
    started = time.monotonic()
    while r.exists("otp"):  # EXISTS otp
        if time.monotonic() - started > deadline_s:
            raise TimeoutError("the key did not expire")
        time.sleep(0.005)
    return time.monotonic() - started


def main() -> None:
    with local_redis() as url:
        r = Redis.from_url(url, decode_responses=True)
        print("string counter:", [count_view(r, "/home") for _ in range(3)])
        save_user(r, 7, "Ada", "free")
        record_login(r, 7)
        print("hash:", load_user(r, 7))
        enqueue(r, "resize-1", "mail-2")
        print("queue:", take_job(r), take_job(r), take_job(r, wait=0.1))
        for task in ["t1", "t2", "t3", "t1", "t4"]:
            recent = remember_viewed(r, "ada", task)
        print("recently viewed:", recent)
        print("unique visitors:", [visit(r, "today", v) for v in ["ada", "bob", "ada"]])
        tag(r, "t1", "urgent", "backend")
        tag(r, "t2", "urgent")
        print("tagged urgent and backend:", tagged_with_all(r, "urgent", "backend"))
        for player, points in [("ada", 30), ("bob", 50), ("cy", 10), ("ada", 25)]:
            score(r, player, points)
        print("top 2:", top(r, 2), "ada's rank:", rank(r, "ada"))
        counts = [requests_in_window(r, "ada", t, window_ms=1000) for t in (0, 400, 900, 1500)]
        print("requests in the last second:", counts)
        print("TTL:", ttl_rules(r))
        print(f"a key with PX 50 was gone after {expires_by_itself(r) * 1000:.0f} ms")
        r.close()


if __name__ == "__main__":
    main()

"""L1: several commands as one: pipelines, transactions (``MULTI``/``WATCH``) and Lua scripts.

Every single command is atomic, but "read, decide, write" in your code is three steps, and
between them another client may write: **lost updates** (``lost_updates`` below: 50 concurrent
"GET, add one, SET" end at 1, not 50). Redis gives four tools:

- **one command that does it all** when there is one: ``INCR``, ``SET ... NX``, ``GETDEL``;
- a **pipeline** sends many commands in one round trip (``r.pipeline(transaction=False)``):
  faster, but other clients' commands may run between yours;
- a **transaction** (``MULTI`` ... ``EXEC``; redis-py's default pipeline) runs the queued commands
  one after the other with nothing in between. There is no rollback: a command that fails at
  ``EXEC`` leaves the others applied (``no_rollback``). You cannot read inside it, so to act on
  a value you read, ``WATCH`` the key first: ``EXEC`` then does nothing (``WatchError``) if anyone
  changed the key since, and you retry: optimistic locking, as with week 6's version column;
- a **Lua script** (``EVAL``/``EVALSHA``; ``r.register_script``) runs on the server, atomically,
  reads and writes in one round trip and never needs a retry. Keep scripts short: while one runs,
  nothing else does. Pass every key it touches in ``KEYS`` (Redis Cluster routes by them).

Run: ``uv run python -m week10.lectures.l1_atomicity``
"""

import asyncio
import time

from redis.asyncio import Redis
from redis.exceptions import WatchError

from week10.lectures.servers import local_redis


async def lost_updates(r: Redis, clients: int = 50) -> dict[str, int]:
    """The same increment by ``clients`` at once: read-modify-write in Python, then ``INCR``."""

    async def read_modify_write() -> None:
        value = int(await r.get("naive") or 0)  # GET naive
        await r.set("naive", value + 1)  # SET naive <value + 1>: another client may have written

    await asyncio.gather(*(read_modify_write() for _ in range(clients)))
    await asyncio.gather(*(r.incr("atomic") for _ in range(clients)))  # INCR atomic
    return {"GET + SET": int(await r.get("naive") or 0), "INCR": int(await r.get("atomic") or 0)}


async def round_trips(r: Redis, commands: int = 500) -> dict[str, float]:
    """Milliseconds for ``commands`` INCRs sent one by one, then in one pipeline."""
    started = time.perf_counter()
    for _ in range(commands):
        await r.incr("one-by-one")  # one round trip each
    one_by_one = time.perf_counter() - started
    started = time.perf_counter()
    async with r.pipeline(transaction=False) as pipe:
        for _ in range(commands):
            pipe.incr("pipelined")  # queued in the client, nothing sent yet
        replies = await pipe.execute()  # all of them in one round trip; the replies in order
    pipelined = time.perf_counter() - started
    return {
        "one by one": one_by_one * 1000,
        "pipelined": pipelined * 1000,
        "last reply": replies[-1],
    }


async def no_rollback(r: Redis) -> dict[str, object]:
    """MULTI; SET a 1; INCR not-a-number; SET b 2; EXEC: the error does not undo the SETs."""
    await r.set("not-a-number", "hello")
    async with r.pipeline(transaction=True) as pipe:
        pipe.set("a", 1)
        pipe.incr("not-a-number")  # fails when EXEC runs it
        pipe.set("b", 2)
        replies = await pipe.execute(raise_on_error=False)
    return {
        "replies": [type(reply).__name__ for reply in replies],
        "a": await r.get("a"),
        "b": await r.get("b"),
    }


class Account:
    """Balances as strings; ``transfer`` moves money only if the source has enough."""

    def __init__(self, r: Redis) -> None:
        self.r = r
        self.retries = 0  # how often WATCH caught a concurrent change

    async def transfer_with_watch(self, source: str, target: str, amount: int) -> bool:
        async with self.r.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(source)  # WATCH source: EXEC fails if it changes
                    balance = int(await pipe.get(source) or 0)  # immediate, while watching
                    if balance < amount:
                        return False  # leaving the block resets the pipeline: UNWATCH
                    pipe.multi()  # type: ignore[no-untyped-call]  # MULTI: commands are queued
                    pipe.decrby(source, amount)
                    pipe.incrby(target, amount)
                    await pipe.execute()  # EXEC
                    return True
                except WatchError:  # someone changed the balance since we read it: again
                    self.retries += 1

    TRANSFER = """
    local balance = tonumber(redis.call('GET', KEYS[1]) or '0')
    local amount = tonumber(ARGV[1])
    if balance < amount then return 0 end
    redis.call('DECRBY', KEYS[1], amount)
    redis.call('INCRBY', KEYS[2], amount)
    return 1
    """

    async def transfer_with_lua(self, source: str, target: str, amount: int) -> bool:
        script = self.r.register_script(self.TRANSFER)  # EVALSHA, loading it once if needed
        return bool(await script(keys=[source, target], args=[amount]))


async def overdraw(r: Redis, use_lua: bool, attempts: int = 20) -> dict[str, int]:
    """``attempts`` concurrent transfers of 10 from an account holding 100."""
    await r.mset({"alice": 100, "bob": 0})
    account = Account(r)
    transfer = account.transfer_with_lua if use_lua else account.transfer_with_watch
    done = await asyncio.gather(*(transfer("alice", "bob", 10) for _ in range(attempts)))
    return {
        "succeeded": sum(done),
        "alice": int(await r.get("alice") or 0),
        "bob": int(await r.get("bob") or 0),
        "retries": account.retries,
    }


async def demo(url: str) -> None:
    r = Redis.from_url(url, decode_responses=True)
    try:
        print("50 concurrent increments:", await lost_updates(r))
        times = await round_trips(r)
        print(
            f"500 INCRs: {times['one by one']:.0f} ms one by one, "
            f"{times['pipelined']:.0f} ms in one pipeline"
        )
        print("MULTI without rollback:", await no_rollback(r))
        print("20 transfers of 10 from 100, WATCH:", await overdraw(r, use_lua=False))
        print("20 transfers of 10 from 100, Lua:  ", await overdraw(r, use_lua=True))
    finally:
        await r.aclose()


def main() -> None:
    with local_redis() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()

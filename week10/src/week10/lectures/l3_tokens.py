"""L3: sessions and tokens in Redis: refresh tokens, revocation, server-side sessions.

Auth state is read on every request and must vanish on time: what Redis is good at.

**Refresh tokens** (week 9 kept them in PostgreSQL): the client holds a random string, Redis holds
``refresh:<sha256 of it>`` (a dump of Redis is then not a pile of valid tokens) -> the user and
the login's *family*, with a TTL equal to the token's lifetime: an expired token is gone without a
cleanup job. A refresh *spends* the token and issues the next one of the family; spending is one
Lua script (``SPEND``), so two requests racing with the same token cannot both win. A token used
twice means it was stolen: the whole family is revoked (reuse detection, as in week 9).

**Revoking access tokens.** A JWT is valid until its ``exp`` whatever happens, unless every
request also asks a **deny-list**: ``SET denied:<jti> 1 EXAT <exp>`` on logout, ``EXISTS`` on each
request. The entry lives exactly as long as the token would, so the list never grows. For a
*security event* (password changed, account compromised) there may be many tokens: give each user
a **token version** and put it in every token (``ver``); ``INCR user:7:token-version`` revokes all
of them at once, the same trick as a cache generation (lecture 2).

**Server-side sessions**: the cookie holds only a random id; Redis holds the data in a hash with
an *idle* timeout that slides forward on each use (``EXPIRE`` again) and an *absolute* limit kept
in the hash. Give a new id on login and on privilege changes (``RENAME``: session fixation).

Run: ``uv run python -m week10.lectures.l3_tokens``
"""

import asyncio
import hashlib
import secrets
import time
from collections.abc import Callable
from typing import Any

from redis.asyncio import Redis

from week10.lectures.servers import local_redis

Clock = Callable[[], float]


class InvalidTokenError(Exception):
    """Unknown, expired or revoked."""


class TokenReusedError(InvalidTokenError):
    """A spent refresh token came back: its whole family has been revoked."""


def token_key(token: str) -> str:
    return "refresh:" + hashlib.sha256(token.encode()).hexdigest()


SPEND = """
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return {'unknown'} end
local owner = redis.call('HMGET', KEYS[1], 'user', 'family')
if state == 'spent' then return {'reused', owner[1], owner[2]} end
redis.call('HSET', KEYS[1], 'state', 'spent')
return {'ok', owner[1], owner[2]}
"""


class RefreshTokens:
    def __init__(self, redis: Redis, ttl: int = 14 * 24 * 3600) -> None:
        self.redis, self.ttl = redis, ttl

    async def issue(self, user_id: int, family: str | None = None) -> str:
        token, family = secrets.token_urlsafe(32), family or secrets.token_hex(8)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                token_key(token), mapping={"user": user_id, "family": family, "state": "active"}
            )
            pipe.expire(token_key(token), self.ttl)  # HSET refresh:<hash> ...; EXPIRE ... 1209600
            pipe.sadd(f"family:{family}", token_key(token))  # to revoke the family at once
            pipe.expire(f"family:{family}", self.ttl)
            await pipe.execute()
        return token

    async def rotate(self, token: str) -> tuple[int, str]:
        """Spend ``token``; the user and the next token of its family."""
        reply = await self.redis.eval(SPEND, 1, token_key(token))
        status = str(reply[0])
        if status == "unknown":
            raise InvalidTokenError
        user_id, family = int(reply[1]), str(reply[2])
        if status == "reused":
            await self.revoke_family(family)
            raise TokenReusedError
        return user_id, await self.issue(user_id, family)

    async def revoke_family(self, family: str) -> None:
        members = [str(key) for key in await self.redis.smembers(f"family:{family}")]
        await self.redis.delete(f"family:{family}", *members)

    async def logout(self, token: str) -> None:
        family = await self.redis.hget(token_key(token), "family")
        if family is not None:
            await self.revoke_family(str(family))


class DenyList:
    """Access tokens are JWTs with ``jti``, ``sub``, ``exp`` (epoch seconds) and ``ver`` claims."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def revoke(self, claims: dict[str, Any]) -> None:
        await self.redis.set(f"denied:{claims['jti']}", 1, exat=int(claims["exp"]))
        # SET denied:<jti> 1 EXAT <exp>: forgotten when the token would have expired anyway

    async def token_version(self, user_id: int) -> int:
        return int(await self.redis.get(f"user:{user_id}:token-version") or 0)

    async def revoke_all(self, user_id: int) -> None:
        await self.redis.incr(f"user:{user_id}:token-version")  # every older token at once

    async def is_revoked(self, claims: dict[str, Any]) -> bool:
        denied, version = await self.redis.mget(
            f"denied:{claims['jti']}", f"user:{claims['sub']}:token-version"
        )  # MGET: one round trip for both questions
        return denied is not None or int(claims["ver"]) != int(version or 0)


class Sessions:
    def __init__(
        self, redis: Redis, idle: int = 1800, absolute: int = 12 * 3600, now: Clock = time.time
    ) -> None:
        self.redis, self.idle, self.absolute, self.now = redis, idle, absolute, now

    async def create(self, user_id: int, **data: str) -> str:
        sid = secrets.token_urlsafe(32)  # 256 random bits: unguessable
        key = f"session:{sid}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"user": user_id, "created": self.now()})
            for field, value in data.items():
                pipe.hset(key, field, value)
            pipe.expire(key, self.idle)
            await pipe.execute()
        return sid

    async def get(self, sid: str) -> dict[str, str] | None:
        """The session's data, its idle timeout moved forward; None if over or unknown."""
        key = f"session:{sid}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(key)
            pipe.expire(key, self.idle)  # sliding (a missing key stays missing)
            data, _ = await pipe.execute()
        if not data:
            return None
        if self.now() - float(data["created"]) > self.absolute:
            await self.redis.delete(key)
            return None
        return {str(name): str(value) for name, value in data.items()}

    async def rotate(self, sid: str) -> str:
        """A new id for the same session (after login or a change of rights)."""
        new = secrets.token_urlsafe(32)
        await self.redis.rename(f"session:{sid}", f"session:{new}")  # the old id is dead
        return new

    async def destroy(self, sid: str) -> None:
        await self.redis.delete(f"session:{sid}")


def access_claims(user_id: int, version: int, lifetime: int = 900) -> dict[str, Any]:
    now = int(time.time())
    return {"sub": user_id, "jti": secrets.token_hex(8), "exp": now + lifetime, "ver": version}


async def demo(url: str) -> list[str]:
    redis = Redis.from_url(url, decode_responses=True)
    log: list[str] = []
    try:
        tokens = RefreshTokens(redis)
        first = await tokens.issue(7)
        log.append(f"refresh token stored for {await redis.ttl(token_key(first))} s")
        user, second = await tokens.rotate(first)
        log.append(f"rotated: user {user}, a new token")
        try:
            await tokens.rotate(first)
        except TokenReusedError:
            log.append("the first token again: reuse detected, family revoked")
        try:
            await tokens.rotate(second)
        except InvalidTokenError:
            log.append("the second token: invalid too (revoked with its family)")

        deny = DenyList(redis)
        claims = access_claims(7, await deny.token_version(7))
        log.append(f"access token revoked? {await deny.is_revoked(claims)}")
        await deny.revoke(claims)
        log.append(f"after logout: {await deny.is_revoked(claims)}")
        left = await redis.ttl(f"denied:{claims['jti']}")
        log.append(f"deny-list entry expires in {left} s")
        other = access_claims(7, await deny.token_version(7))
        await deny.revoke_all(7)  # the password changed
        newer = access_claims(7, await deny.token_version(7))
        log.append(
            f"after a password change: older token revoked {await deny.is_revoked(other)}, "
            f"a new one {await deny.is_revoked(newer)}"
        )

        sessions = Sessions(redis, idle=1800)
        sid = await sessions.create(7, theme="dark")
        data = await sessions.get(sid) or {}
        log.append(f"session of user {data['user']}, theme {data['theme']}")
        rotated = await sessions.rotate(sid)
        log.append(f"after rotate: old id {await sessions.get(sid)}, new id keeps the data: "
                   f"{(await sessions.get(rotated) or {}).get('theme')}")  # fmt: skip
    finally:
        await redis.aclose()
    return log


def main() -> None:
    with local_redis() as url:
        print("\n".join(asyncio.run(demo(url))))


if __name__ == "__main__":
    main()

import asyncio

import pytest
from redis.asyncio import Redis
from week10.lectures import l3_tokens as lecture


async def test_a_refresh_token_is_stored_hashed_with_its_lifetime(redis: Redis) -> None:
    token = await lecture.RefreshTokens(redis, ttl=3600).issue(7)
    keys = [str(key) async for key in redis.scan_iter("refresh:*")]
    assert keys == [lecture.token_key(token)]
    assert token not in keys[0]  # only its hash
    assert 3590 <= await redis.ttl(keys[0]) <= 3600


async def test_rotation_spends_the_token_and_issues_the_next(redis: Redis) -> None:
    tokens = lecture.RefreshTokens(redis)
    first = await tokens.issue(7)
    user, second = await tokens.rotate(first)
    assert user == 7
    assert second != first
    assert (await tokens.rotate(second))[0] == 7


async def test_reuse_revokes_the_whole_family(redis: Redis) -> None:
    tokens = lecture.RefreshTokens(redis)
    first = await tokens.issue(7)
    _, second = await tokens.rotate(first)
    other_login = await tokens.issue(7)
    with pytest.raises(lecture.TokenReusedError):
        await tokens.rotate(first)
    with pytest.raises(lecture.InvalidTokenError):
        await tokens.rotate(second)
    assert (await tokens.rotate(other_login))[0] == 7  # another family: untouched


async def test_two_concurrent_refreshes_with_one_token_cannot_both_win(redis: Redis) -> None:
    tokens = lecture.RefreshTokens(redis)
    token = await tokens.issue(7)
    results = await asyncio.gather(
        tokens.rotate(token), tokens.rotate(token), return_exceptions=True
    )
    assert sorted(type(r).__name__ for r in results) == ["TokenReusedError", "tuple"]


async def test_logout_revokes_the_family_and_unknown_tokens_are_invalid(redis: Redis) -> None:
    tokens = lecture.RefreshTokens(redis)
    token = await tokens.issue(7)
    await tokens.logout(token)
    await tokens.logout("never-issued")  # nothing to do, no error
    with pytest.raises(lecture.InvalidTokenError):
        await tokens.rotate(token)


async def test_the_deny_list_forgets_a_jti_when_the_token_expires(redis: Redis) -> None:
    deny = lecture.DenyList(redis)
    claims = lecture.access_claims(7, version=0, lifetime=900)
    assert not await deny.is_revoked(claims)
    await deny.revoke(claims)
    assert await deny.is_revoked(claims)
    assert 890 <= await redis.ttl(f"denied:{claims['jti']}") <= 900


async def test_a_security_event_revokes_every_older_token_of_the_user(redis: Redis) -> None:
    deny = lecture.DenyList(redis)
    old = [lecture.access_claims(7, await deny.token_version(7)) for _ in range(3)]
    someone_else = lecture.access_claims(8, await deny.token_version(8))
    await deny.revoke_all(7)
    new = lecture.access_claims(7, await deny.token_version(7))
    assert [await deny.is_revoked(c) for c in old] == [True, True, True]
    assert not await deny.is_revoked(new)
    assert not await deny.is_revoked(someone_else)


async def test_a_session_slides_its_idle_timeout_and_ends_at_its_absolute_limit(
    redis: Redis,
) -> None:
    clock = [1000.0]
    sessions = lecture.Sessions(redis, idle=60, absolute=3600, now=lambda: clock[0])
    sid = await sessions.create(7, theme="dark")
    await redis.expire(f"session:{sid}", 5)  # as if it had been idle for 55 s
    assert await sessions.get(sid) == {"user": "7", "created": "1000.0", "theme": "dark"}
    assert await redis.ttl(f"session:{sid}") == 60  # used: a full idle timeout again
    clock[0] += 3601
    assert await sessions.get(sid) is None  # older than the absolute limit
    assert await redis.exists(f"session:{sid}") == 0


async def test_rotating_a_session_id_kills_the_old_id(redis: Redis) -> None:
    sessions = lecture.Sessions(redis)
    sid = await sessions.create(7)
    new = await sessions.rotate(sid)
    assert await sessions.get(sid) is None
    assert (await sessions.get(new) or {})["user"] == "7"
    await sessions.destroy(new)
    assert await sessions.get(new) is None


async def test_the_demo_runs(redis_url: str) -> None:
    log = await lecture.demo(redis_url)
    assert "the first token again: reuse detected, family revoked" in log
    assert "after a password change: older token revoked True, a new one False" in log

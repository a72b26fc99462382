"""Rate limits per user and per organisation, counted in Redis (one window for every process).

A fixed window: the requests of a user (or to an organisation) in the current ``window`` seconds
are counted under ``cap:v1:rl:user:<id>:<window number>``; past ``limit``, 429 until the window
ends. Both counters are checked and counted in ONE Lua script, atomically: two processes cannot
both take the last request, and a refused request counts against nothing (a client that keeps
hammering is not locked out beyond the window).

Every response of a counted request says where the caller stands (the tighter of its two limits):
``X-RateLimit-Limit``, ``X-RateLimit-Remaining``, ``X-RateLimit-Reset`` (when the window ends, in
Unix seconds, like GitHub's API); a 429 adds ``Retry-After`` (seconds).

Who: the user of a valid bearer token (decoded, not looked up: cheap, and a deleted user's
requests fail later anyway); the organisation of the path (``/orgs/{org_id}/...``). A request
without a valid token is not counted (it gets its 401 from the route). The organisation's budget
is bigger than a user's, so one account alone cannot spend it.

**Fail open**: while Redis is down the requests are not limited (and carry no headers): the API
stays up; what is lost is protection from a flood, for the length of the outage.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import HTTPException

from ..errors import AuthenticationError
from .guard import RedisGuard, RedisUnavailableError

PREFIX = "cap:v1:rl"

# KEYS: the counters; ARGV[i]: the limit of KEYS[i], then the window in seconds.
# Refused (nothing counted): {0, i, count of KEYS[i]}; else {1, counts...}.
# BEGIN SOLUTION task 14: check every counter, then count them all
CHECK_AND_COUNT = """
local window = tonumber(ARGV[#KEYS + 1])
for i, key in ipairs(KEYS) do
    local count = tonumber(redis.call('GET', key) or '0')
    if count >= tonumber(ARGV[i]) then return {0, i, count} end
end
local result = {1}
for i, key in ipairs(KEYS) do
    local count = redis.call('INCR', key)
    if count == 1 then redis.call('EXPIRE', key, window * 2) end
    result[#result + 1] = count
end
return result
"""
# REPLACE WITH
# CHECK_AND_COUNT = ""  # TODO (task 14): the Lua script
# END SOLUTION


@dataclass(frozen=True)
class RateLimits:
    per_user: int = 600  # requests per window, one user, all organisations
    per_org: int = 3000  # requests per window to one organisation, all its users
    window: int = 60  # seconds


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # Unix seconds: when the window ends

    def headers(self) -> dict[str, str]:
        # BEGIN SOLUTION task 14
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }
        # REPLACE WITH
        # raise NotImplementedError("task 14: the X-RateLimit-* headers")
        # END SOLUTION


class RateLimiter:
    def __init__(self, guard: RedisGuard, limits: RateLimits = RateLimits()) -> None:
        self.guard = guard
        self.limits = limits

    async def check(self, user_id: int, org_id: int | None, now: datetime) -> Verdict | None:
        """Count one request of ``user_id`` (to ``org_id``); None if Redis is down (fail open)."""
        # BEGIN SOLUTION task 14: both counters in one script; the tighter limit in the headers
        window = int(now.timestamp()) // self.limits.window
        keys = [f"{PREFIX}:user:{user_id}:{window}"]
        limits = [self.limits.per_user]
        if org_id is not None:
            keys.append(f"{PREFIX}:org:{org_id}:{window}")
            limits.append(self.limits.per_org)
        reset = (window + 1) * self.limits.window
        try:
            result = await self.guard(
                lambda r: r.eval(CHECK_AND_COUNT, len(keys), *keys, *limits, self.limits.window)
            )
        except RedisUnavailableError:
            return None
        if result[0] == 0:
            return Verdict(False, limits[int(result[1]) - 1], 0, reset)
        left = [limit - int(count) for limit, count in zip(limits, result[1:], strict=True)]
        tightest = min(range(len(limits)), key=lambda i: left[i])
        return Verdict(True, limits[tightest], left[tightest], reset)
        # REPLACE WITH
        # raise NotImplementedError("task 14: RateLimiter.check")
        # END SOLUTION


def caller(request: Request, now: datetime) -> int | None:
    """The user id of the request's bearer token, if it is a valid one."""
    # BEGIN SOLUTION task 14: decode the bearer token (no database); None if invalid
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    try:
        user_id: int = request.app.state.tokens.decode_access(token.strip(), now)
    except AuthenticationError:
        return None
    request.state.caller_id = user_id  # decoded once a request: RequireCaller reads it
    return user_id
    # REPLACE WITH
    # raise NotImplementedError("task 14: caller")
    # END SOLUTION


async def rate_limit(request: Request, response: Response) -> None:
    """The dependency of every API route (``main.py``): count the request, or 429."""
    # BEGIN SOLUTION task 14: who, which organisation; 429 + Retry-After, or the headers
    now = request.app.state.clock()
    if (user_id := caller(request, now)) is None:
        return
    org = request.path_params.get("org_id")
    org_id = int(org) if isinstance(org, str) and org.isdecimal() and len(org) < 19 else None
    limiter: RateLimiter = request.app.state.rate_limiter
    if (verdict := await limiter.check(user_id, org_id, now)) is None:
        return  # Redis is down: fail open
    if not verdict.allowed:
        retry_after = max(1, verdict.reset - int(now.timestamp()))
        raise HTTPException(
            429,
            detail=f"Too many requests: at most {verdict.limit} a window; retry in {retry_after} s",
            headers={**verdict.headers(), "Retry-After": str(retry_after)},
        )
    response.headers.update(verdict.headers())
    # REPLACE WITH
    # # TODO (task 14): count the request (RateLimiter.check), 429 past the limit, headers
    # END SOLUTION


def document_rate_limits(schema: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Every operation under ``prefix`` may answer 429 (with ``Retry-After``) and, while the
    database is unreachable, 503 (``problems.py``): both in the contract, as problem details,
    each described once (``components.responses``) and referred to by every operation."""
    # BEGIN SOLUTION task 14: components.responses once, a $ref per operation
    retry_after = {"Retry-After": {"description": "Seconds to wait before retrying",
                                   "schema": {"type": "integer"}}}  # fmt: skip
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    described = {
        "TooManyRequests": "Too many requests: a rate limit of the user or the organisation",
        "Unavailable": "The database is unreachable; retry after Retry-After seconds",
    }
    responses = schema.setdefault("components", {}).setdefault("responses", {})
    for name, description in described.items():
        responses[name] = {"description": description, "headers": retry_after, "content": problem}
    for path, operations in schema.get("paths", {}).items():
        if path.startswith(prefix):
            for operation in operations.values():
                answers = operation.setdefault("responses", {})
                answers["429"] = {"$ref": "#/components/responses/TooManyRequests"}
                answers["503"] = {"$ref": "#/components/responses/Unavailable"}
    return schema
    # REPLACE WITH
    # return schema  # TODO (task 14): 429 and 503 in the contract
    # END SOLUTION

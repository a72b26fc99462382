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
CHECK_AND_COUNT = ""  # TODO (task 14): the Lua script


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
        raise NotImplementedError("task 14: the X-RateLimit-* headers")


class RateLimiter:
    def __init__(self, guard: RedisGuard, limits: RateLimits = RateLimits()) -> None:
        self.guard = guard
        self.limits = limits

    async def check(self, user_id: int, org_id: int | None, now: datetime) -> Verdict | None:
        """Count one request of ``user_id`` (to ``org_id``); None if Redis is down (fail open)."""
        raise NotImplementedError("task 14: RateLimiter.check")


def caller(request: Request, now: datetime) -> int | None:
    """The user id of the request's bearer token, if it is a valid one."""
    raise NotImplementedError("task 14: caller")


async def rate_limit(request: Request, response: Response) -> None:
    """The dependency of every API route (``main.py``): count the request, or 429."""
    # TODO (task 14): count the request (RateLimiter.check), 429 past the limit, headers


def document_rate_limits(schema: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Every operation under ``prefix`` may answer 429 (with ``Retry-After``) and, while the
    database is unreachable, 503 (``problems.py``): both in the contract, as problem details,
    each described once (``components.responses``) and referred to by every operation."""
    return schema  # TODO (task 14): 429 and 503 in the contract

"""The side effects the lecture tasks leave: counters and lists in the broker's Redis, so a test
(or you, in ``redis-cli``) can see how often a task really ran."""

from __future__ import annotations

import redis
from celery import current_app


def redis_client() -> redis.Redis:
    """A client on the Redis the running app uses as its broker."""
    return redis.Redis.from_url(str(current_app.conf.broker_url), decode_responses=True)

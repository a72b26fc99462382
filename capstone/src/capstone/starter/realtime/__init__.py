"""Real-time notifications over WebSocket (task 12): a person's notices and project rooms, fanned
out across app processes through Redis ([ADR 0009](../../../../docs/adr/0009-realtime-fan-out.md))."""

from fastapi import FastAPI
from redis.asyncio import Redis

from .fanout import Realtime, Timeouts
from .router import router

__all__ = ["Realtime", "Timeouts", "install"]


def install(app: FastAPI, redis: Redis, redis_url: str, timeouts: Timeouts, prefix: str) -> None:
    """``app.state.realtime``, its listeners on ``app.state.listeners`` (rooms found before the
    commit, events published after it) and the ``/ws`` route; the lifespan starts and stops
    ``app.state.realtime.subscriber``."""
    realtime = Realtime(redis, redis_url, timeouts)
    app.state.realtime = realtime
    # TODO (task 12): register your Publisher's listeners on app.state.listeners
    app.include_router(router, prefix=prefix)

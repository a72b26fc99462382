"""Scaling WebSockets out: two processes, no shared memory, one Redis channel between them.

Behind a load balancer, the client of a room may be connected to process B while the message is
posted to process A; A's connection manager does not know B's sockets. So no process sends to
sockets directly: every message is **published** on Redis (``room:<name>``), and every process
**subscribes** to ``room:*`` and forwards what it hears to its own sockets. Pub/sub keeps nothing:
a process that is down misses the messages (the project's outbox and event ids handle that).

``uvicorn --factory week12.lectures.l2_scale_out:app_from_env`` with ``WEEK12_REDIS_URL`` set.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import redis.asyncio as redis
from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field

from week12.lectures.l1_websockets import ConnectionManager

CHANNEL_PREFIX = "room:"


class Message(BaseModel):
    text: str = Field(min_length=1, max_length=1000)


async def relay(pubsub: redis.client.PubSub, manager: ConnectionManager) -> None:
    """Forward every message published on ``room:*`` to this process's sockets of that room."""
    async for message in pubsub.listen():
        if message["type"] == "pmessage":
            room = message["channel"].removeprefix(CHANNEL_PREFIX)
            await manager.broadcast(room, json.loads(message["data"]))


def create_app(redis_url: str) -> FastAPI:
    manager = ConnectionManager()
    client = redis.Redis.from_url(redis_url, decode_responses=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pubsub = client.pubsub()
        # Subscribed before the server accepts a request: a message published once this process
        # is up cannot slip past it.
        await pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
        task = asyncio.create_task(relay(pubsub, manager))
        yield
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        await pubsub.aclose()  # type: ignore[no-untyped-call]  # redis-py leaves it unannotated
        await client.aclose()

    app = FastAPI(lifespan=lifespan)

    @app.post("/rooms/{room}/messages", status_code=202)
    async def post_message(room: str, body: Message) -> dict[str, int]:
        event = {"type": "message", "text": body.text, "via": os.getpid()}
        # PUBLISH answers how many subscribers (here: processes) received it.
        processes = await client.publish(f"{CHANNEL_PREFIX}{room}", json.dumps(event))
        return {"processes": processes}

    @app.websocket("/ws/rooms/{room}")
    async def join(websocket: WebSocket, room: str) -> None:
        await websocket.accept()
        manager.join(room, websocket)
        try:
            await websocket.send_json({"type": "welcome", "pid": os.getpid()})
            while True:
                await websocket.receive_text()  # this demo only listens; a close ends the loop
        except WebSocketDisconnect:
            pass
        finally:
            manager.leave(room, websocket)

    return app


def app_from_env() -> FastAPI:
    return create_app(os.environ["WEEK12_REDIS_URL"])

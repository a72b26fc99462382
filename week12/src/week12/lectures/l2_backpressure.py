"""Slow consumers: a bounded queue per connection, and a client that cannot keep up is dropped.

A broadcast that awaits each client's send in turn runs at the pace of the slowest one, and an
unbounded buffer per client grows until the process runs out of memory. So each connection gets
a small queue and a sender task of its own: ``publish`` only *offers* a message to every queue
(never waits), and when a queue is full (the client has not read the last ``max_pending``
messages) that client is closed with 1013 "try again later". It reconnects and resumes from its
last event id; the others never noticed.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

TRY_AGAIN_LATER = 1013


class Subscriber:
    def __init__(self, websocket: WebSocket, max_pending: int) -> None:
        self.websocket = websocket
        self.queue: asyncio.Queue[str] = asyncio.Queue(max_pending)
        self.too_slow = asyncio.Event()

    def offer(self, message: str) -> None:
        try:
            self.queue.put_nowait(message)
        except asyncio.QueueFull:
            self.too_slow.set()  # its handler closes it; publishing goes on for the others

    async def pump(self) -> None:
        while True:
            await self.websocket.send_text(await self.queue.get())


async def until_disconnected(websocket: WebSocket) -> None:
    """Read (and ignore) what the client sends: the only way to notice that it has gone."""
    with suppress(WebSocketDisconnect):
        while True:
            await websocket.receive_text()


class Hub:
    def __init__(self, max_pending: int) -> None:
        self.max_pending = max_pending
        self.subscribers: set[Subscriber] = set()
        self.dropped = 0

    def publish(self, message: str) -> None:
        for subscriber in list(self.subscribers):
            subscriber.offer(message)


def create_app(max_pending: int = 16) -> FastAPI:
    app = FastAPI()
    hub = Hub(max_pending)
    app.state.hub = hub

    @app.post("/publish", status_code=202)
    async def publish(count: int = 1, size: int = 100, pause_ms: float = 0) -> dict[str, int]:
        """A burst of ``count`` messages of ``size`` bytes, ``pause_ms`` apart."""
        for n in range(min(count, 10_000)):
            hub.publish(f"{n:08d}".ljust(min(size, 1_000_000), "."))
            await asyncio.sleep(min(pause_ms, 1000) / 1000)  # the sender tasks run meanwhile
        return {"published": count}

    @app.websocket("/ws/feed")
    async def feed(websocket: WebSocket) -> None:
        await websocket.accept()
        subscriber = Subscriber(websocket, hub.max_pending)
        hub.subscribers.add(subscriber)
        pump = asyncio.create_task(subscriber.pump())
        too_slow = asyncio.create_task(subscriber.too_slow.wait())
        gone = asyncio.create_task(until_disconnected(websocket))
        try:
            await websocket.send_text("subscribed")
            tasks = {pump, too_slow, gone}
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            if too_slow in done:
                hub.dropped += 1
                pump.cancel()
                # The close frame queues behind what the client has not read yet.
                await websocket.close(code=TRY_AGAIN_LATER, reason="too slow")
        except WebSocketDisconnect:
            pass
        finally:
            hub.subscribers.discard(subscriber)
            for task in (pump, too_slow, gone):
                task.cancel()
                with suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                    await task

    return app

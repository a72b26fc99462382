"""Server-Sent Events: push-only, plain HTTP, and resuming where the client left off.

An SSE response is an HTTP response that never ends: ``text/event-stream``, one event per blank-
line-separated block (``id:``, ``event:``, ``data:``). The browser's ``EventSource`` reconnects by
itself and sends the last id it saw in the ``Last-Event-ID`` header, so a server that numbers its
events can send exactly what was missed. No upgrade, no new protocol: proxies, HTTP/2 and
authentication headers work as for any request; the price is one direction only.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import FastAPI, Header
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field


class Note(BaseModel):
    text: str = Field(min_length=1, max_length=1000)


class EventLog:
    """Numbered events kept in order (the project keeps them in PostgreSQL or a Redis stream)."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.changed = asyncio.Condition()

    async def append(self, text: str) -> int:
        async with self.changed:
            self.events.append(text)
            self.changed.notify_all()
            return len(self.events)  # ids start at 1

    async def follow(self, after: int) -> AsyncIterator[tuple[int, str]]:
        """Every event with an id above ``after``, then each new one as it comes."""
        sent = after
        while True:
            batch = await self._after(sent)
            for text in batch:
                sent += 1
                yield sent, text

    async def _after(self, sent: int) -> list[str]:
        async with self.changed:
            await self.changed.wait_for(lambda: len(self.events) > sent)
            return self.events[sent:]


def create_app() -> FastAPI:
    app = FastAPI()
    log = EventLog()
    app.state.log = log

    @app.post("/notes", status_code=201)
    async def add(note: Note) -> dict[str, int]:
        return {"id": await log.append(note.text)}

    @app.get("/events", response_class=EventSourceResponse)
    async def events(
        last_event_id: Annotated[int, Header(ge=0)] = 0,
    ) -> AsyncIterator[ServerSentEvent]:
        async for event_id, text in log.follow(last_event_id):
            yield ServerSentEvent(data={"text": text}, event="note", id=str(event_id))

    return app

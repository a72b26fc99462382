"""Lecture 2: Server-Sent Events over a real server, and resuming with ``Last-Event-ID``."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
from week12.lectures.l2_sse import create_app

from testkit.http import LiveServer


async def read_events(lines: AsyncIterator[str], count: int) -> list[dict[str, Any]]:
    """The next ``count`` events of a ``text/event-stream``, comments (keep-alives) skipped."""
    events: list[dict[str, Any]] = []
    event: dict[str, Any] = {}
    async for line in lines:
        if not line:  # a blank line ends an event
            if event:
                events.append(event)
                event = {}
            if len(events) == count:
                return events
        elif not line.startswith(":"):
            field, _, value = line.partition(": ")
            event[field] = json.loads(value) if field == "data" else value
    raise AssertionError(f"the stream ended after {len(events)} of {count} events")


async def test_a_client_resumes_after_the_last_event_it_saw(
    live_server: Callable[..., LiveServer],
) -> None:
    server = live_server(create_app())
    async with httpx.AsyncClient(base_url=server.url, timeout=5) as http:
        for text in ("one", "two", "three"):
            assert (await http.post("/notes", json={"text": text})).status_code == 201

        async with http.stream("GET", "/events") as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            first = await asyncio.wait_for(read_events(response.aiter_lines(), 2), 5)
        assert first == [
            {"event": "note", "data": {"text": "one"}, "id": "1"},
            {"event": "note", "data": {"text": "two"}, "id": "2"},
        ]

        # The connection dropped after event 2; a fourth note arrives meanwhile.
        await http.post("/notes", json={"text": "four"})
        async with http.stream("GET", "/events", headers={"Last-Event-ID": "2"}) as response:
            lines = response.aiter_lines()
            resumed = await asyncio.wait_for(read_events(lines, 2), 5)
            assert [event["id"] for event in resumed] == ["3", "4"]  # nothing lost, nothing twice
            await http.post("/notes", json={"text": "five"})  # live: pushed as it happens
            assert (await asyncio.wait_for(read_events(lines, 1), 5))[0]["data"] == {"text": "five"}

        bad = await http.get("/events", headers={"Last-Event-ID": "yesterday"})
        assert bad.status_code == 422

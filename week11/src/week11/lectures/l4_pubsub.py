"""Redis pub/sub (lecture 4): broadcast an event to every subscriber that is listening right now.

Unlike a job queue, a published message goes to *all* current subscribers and to nobody else: a
subscriber that connects later, or is down, never sees it (fire-and-forget). Use it for live
notifications; use a queue (or a stream) when every message must be processed.
"""

from __future__ import annotations

import json
from typing import Any

import redis

CHANNEL = "events:tasks"


def publish(client: redis.Redis, event: dict[str, Any]) -> int:
    """Publish ``event`` as JSON; returns how many subscribers received it."""
    return int(client.publish(CHANNEL, json.dumps(event)))


def receive(pubsub: redis.client.PubSub, timeout: float) -> dict[str, Any] | None:
    """The next event on a subscribed ``pubsub``, or None after ``timeout`` seconds."""
    message = pubsub.get_message(ignore_subscribe_messages=True, timeout=timeout)
    if message is None:
        return None
    event: dict[str, Any] = json.loads(message["data"])
    return event

"""Week 12: live updates over WebSockets (the README's project section shows how the parts fit)."""

from fastapi import FastAPI

from .manager import ConnectionManager
from .notifier import Notifier
from .publisher import EventPublisher


async def start_realtime(app: FastAPI) -> Notifier:
    """In the lifespan: this process's sockets (``app.state.connections``), the app's publisher
    (``app.state.publish``, through the Redis guard) and its notifier, subscribed and returned
    (to stop at shutdown)."""
    raise NotImplementedError("TODO: connections, publish (an EventPublisher); a Notifier, started")

"""This process's sockets, by user: a user's events go to all of that user's sockets, no one
else's. The notifier feeds it what any process published."""

from collections import defaultdict
from typing import Any

from fastapi import WebSocket, WebSocketDisconnect


class ConnectionManager:
    def __init__(self) -> None:
        raise NotImplementedError("TODO: user id -> that user's sockets (a defaultdict of sets)")

    def connect(self, user_id: int, websocket: WebSocket) -> None:
        raise NotImplementedError("TODO: add the socket to the user's set")

    def disconnect(self, user_id: int, websocket: WebSocket) -> None:
        raise NotImplementedError("TODO: discard; drop an empty set")

    def count(self, user_id: int) -> int:
        """How many sockets of ``user_id`` this process holds."""
        raise NotImplementedError("TODO: the size of the user's set (0 without one)")

    async def send(self, user_id: int, message: dict[str, Any]) -> int:
        """Send ``message`` to every socket of ``user_id``; to how many. A failing one is dropped."""
        raise NotImplementedError("TODO: send to a copy of the set; drop failures")

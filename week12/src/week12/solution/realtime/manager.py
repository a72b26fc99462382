"""This process's sockets, by user: a user's events go to all of that user's sockets, no one
else's. The notifier feeds it what any process published."""

from collections import defaultdict
from typing import Any

from fastapi import WebSocket, WebSocketDisconnect


class ConnectionManager:
    def __init__(self) -> None:
        # BEGIN SOLUTION user id -> that user's sockets (a defaultdict of sets)
        self.sockets: dict[int, set[WebSocket]] = defaultdict(set)
        # END SOLUTION

    def connect(self, user_id: int, websocket: WebSocket) -> None:
        # BEGIN SOLUTION add the socket to the user's set
        self.sockets[user_id].add(websocket)
        # END SOLUTION

    def disconnect(self, user_id: int, websocket: WebSocket) -> None:
        # BEGIN SOLUTION discard; drop an empty set
        sockets = self.sockets.get(user_id)
        if sockets is None:
            return
        sockets.discard(websocket)
        if not sockets:
            del self.sockets[user_id]
        # END SOLUTION

    def count(self, user_id: int) -> int:
        """How many sockets of ``user_id`` this process holds."""
        # BEGIN SOLUTION the size of the user's set (0 without one)
        return len(self.sockets.get(user_id, ()))
        # END SOLUTION

    async def send(self, user_id: int, message: dict[str, Any]) -> int:
        """Send ``message`` to every socket of ``user_id``; to how many. A failing one is dropped."""
        # BEGIN SOLUTION send to a copy of the set; drop failures
        sent = 0
        for websocket in list(self.sockets.get(user_id, ())):
            try:
                await websocket.send_json(message)
            except (WebSocketDisconnect, RuntimeError, OSError):
                self.disconnect(user_id, websocket)
            else:
                sent += 1
        return sent
        # END SOLUTION

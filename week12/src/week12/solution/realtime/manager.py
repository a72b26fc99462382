"""The sockets this process holds, by user: each user's events go to all of that user's sockets
(a phone and a laptop), and to no one else's.

One instance per process, and it only knows this process's sockets: the notifier feeds it what
any process published.
"""

from collections import defaultdict
from typing import Any

import structlog
from fastapi import WebSocket, WebSocketDisconnect

logger = structlog.get_logger(__name__)


class ConnectionManager:
    def __init__(self) -> None:
        self.sockets: dict[int, set[WebSocket]] = defaultdict(set)

    def connect(self, user_id: int, websocket: WebSocket) -> None:
        # BEGIN SOLUTION add the socket to the user's set
        self.sockets[user_id].add(websocket)
        # END SOLUTION

    def disconnect(self, user_id: int, websocket: WebSocket) -> None:
        # BEGIN SOLUTION discard it; drop the user's set once empty (it would live forever)
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
        """Send ``message`` to every socket of ``user_id``; to how many it went. A socket that
        fails is dropped (its client went away between our check and the send)."""
        # BEGIN SOLUTION iterate over a copy; count the sends; disconnect a socket whose send fails
        sent = 0
        for websocket in list(self.sockets.get(user_id, ())):
            try:
                await websocket.send_json(message)
            except (WebSocketDisconnect, RuntimeError, OSError):
                logger.info("dropping a dead socket", user_id=user_id)
                self.disconnect(user_id, websocket)
            else:
                sent += 1
        return sent
        # END SOLUTION

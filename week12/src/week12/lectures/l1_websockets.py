"""WebSockets with FastAPI: the lifecycle, a connection manager with rooms, and authentication.

Three endpoints:

- ``/ws/echo``: the lifecycle in its simplest form: accept, receive, send, and a close code;
- ``/ws/rooms/{room}``: a chat room; the client proves who it is in its *first message*
  (``{"token": "..."}``), then every message it sends is broadcast to the room;
- ``/ws/feed``: the token travels in the ``Sec-WebSocket-Protocol`` header (``["bearer", token]``)
  and a bad one is refused before the handshake completes.

Tokens are looked up in a ``{token: user}`` mapping to keep the lecture on WebSockets; the
project checks week 9's JWTs in the same places.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, WebSocket, WebSocketDisconnect, WebSocketException, status

BEARER = "bearer"  # the subprotocol name the client offers beside its token
AUTH_TIMEOUT_SECONDS = 5.0


class ConnectionManager:
    """Which sockets are open, by room, and sending to all of them.

    One instance per process: it only knows this process's sockets (lecture 2 adds Redis so a
    message reaches the sockets of the other processes too).
    """

    def __init__(self) -> None:
        self.rooms: dict[str, set[WebSocket]] = defaultdict(set)

    def join(self, room: str, websocket: WebSocket) -> None:
        self.rooms[room].add(websocket)

    def leave(self, room: str, websocket: WebSocket) -> None:
        self.rooms[room].discard(websocket)
        if not self.rooms[room]:
            del self.rooms[room]  # an empty room would live forever

    def count(self, room: str) -> int:
        return len(self.rooms.get(room, ()))

    async def broadcast(self, room: str, message: dict[str, Any]) -> None:
        # A copy: a socket may leave (its handler runs) while we are awaiting a send.
        for websocket in list(self.rooms.get(room, ())):
            try:
                await websocket.send_json(message)
            except (WebSocketDisconnect, RuntimeError):
                self.leave(room, websocket)  # it went away between the check and the send


async def first_message_user(websocket: WebSocket, tokens: Mapping[str, str]) -> str | None:
    """The user named by the first message's token; None when it is missing, bad or late."""
    try:
        text = await asyncio.wait_for(websocket.receive_text(), AUTH_TIMEOUT_SECONDS)
        first = json.loads(text)
    except (TimeoutError, ValueError):
        return None  # a silent client must not hold a socket open unauthenticated
    token = first.get("token") if isinstance(first, dict) else None
    return tokens.get(token) if isinstance(token, str) else None


def create_app(tokens: Mapping[str, str]) -> FastAPI:
    """The demo app; ``tokens`` maps an access token to its user name."""
    app = FastAPI()
    manager = ConnectionManager()
    app.state.manager = manager

    @app.websocket("/ws/echo")
    async def echo(websocket: WebSocket) -> None:
        await websocket.accept()  # the handshake's answer: 101 Switching Protocols
        try:
            while True:
                text = await websocket.receive_text()
                if text == "bye":
                    # 1000: a normal close, the reason is for humans (at most 123 bytes).
                    await websocket.close(code=status.WS_1000_NORMAL_CLOSURE, reason="goodbye")
                    return
                await websocket.send_text(f"echo: {text}")
        except WebSocketDisconnect:
            return  # the client closed first: nothing to clean up here

    @app.websocket("/ws/rooms/{room}")
    async def chat(websocket: WebSocket, room: str) -> None:
        await websocket.accept()
        user = await first_message_user(websocket, tokens)
        if user is None:
            # 1008 Policy Violation: the standard code for "you may not be here".
            await websocket.close(code=status.WS_1008_POLICY_VIOLATION, reason="invalid token")
            return
        manager.join(room, websocket)
        try:
            await websocket.send_json({"type": "welcome", "user": user, "room": room})
            await manager.broadcast(room, {"type": "joined", "user": user})
            while True:
                text = await websocket.receive_text()
                await manager.broadcast(room, {"type": "message", "user": user, "text": text})
        except WebSocketDisconnect:
            pass
        finally:
            manager.leave(room, websocket)  # always, or broadcasts write to dead sockets
        await manager.broadcast(room, {"type": "left", "user": user})

    @app.websocket("/ws/feed")
    async def feed(websocket: WebSocket) -> None:
        offered = websocket.scope.get("subprotocols", [])
        token = offered[1] if len(offered) == 2 and offered[0] == BEARER else None
        user = tokens.get(token) if token else None
        if user is None:
            # Raised before accept(): the server answers the handshake with HTTP 403 instead.
            raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="invalid token")
        # The server must echo one of the offered subprotocols, never the token itself.
        await websocket.accept(subprotocol=BEARER)
        await websocket.send_json({"type": "welcome", "user": user})
        await websocket.close()

    return app


def demo_app() -> FastAPI:
    """``uvicorn --factory week12.lectures.l1_websockets:demo_app``: two demo users."""
    return create_app({"ada-token": "ada", "bob-token": "bob"})

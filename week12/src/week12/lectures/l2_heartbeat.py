"""Heartbeat: find dead connections within a bound, and drop them.

A client whose laptop lid closed, or whose network vanished, sends no close frame: for TCP the
connection stays open for minutes or hours, and the server keeps writing to it. So the server asks
"are you there?" every ``interval`` seconds (``{"type": "ping"}``) and a live client answers
(``{"type": "pong"}``); a client silent for ``timeout`` seconds after a ping is closed with the
application code 4000 and forgotten. A dead client is thus dropped at most ``interval + timeout``
seconds after it died.

uvicorn does the same at the protocol level (``--ws-ping-interval``, ``--ws-ping-timeout``, 20 s
by default): that frees the socket, while this application-level heartbeat also proves that the
*client code* runs (a frozen browser tab still answers protocol pings).
"""

from __future__ import annotations

import asyncio

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

HEARTBEAT_TIMEOUT = 4000  # 4000-4999 are the application's own close codes


def create_app(interval: float = 15.0, timeout: float = 10.0) -> FastAPI:
    app = FastAPI()
    live: set[WebSocket] = set()
    app.state.live = live

    @app.websocket("/ws/live")
    async def heartbeat(websocket: WebSocket) -> None:
        await websocket.accept()
        live.add(websocket)
        try:
            while True:
                await websocket.send_json({"type": "ping"})
                try:
                    await asyncio.wait_for(websocket.receive_json(), timeout)
                except TimeoutError:
                    await websocket.close(code=HEARTBEAT_TIMEOUT, reason="heartbeat timeout")
                    return
                await asyncio.sleep(interval)  # the next ping: the server's timer, not a wait
        except WebSocketDisconnect:
            return
        finally:
            live.discard(websocket)

    return app

"""``/api/v1/ws``: the user's live events.

The protocol, in JSON text messages:

1. The client connects and sends ``{"type": "auth", "token": "<access token>"}`` first, within
   ``settings.ws_auth_timeout`` seconds. A missing, late, malformed, expired or revoked token, or
   one without ``tasks:read``, closes the socket with 1008 (policy violation).
   Why not ``/ws?token=...``: URLs end up in access logs, proxies' logs and browser history, and
   an access token there is a password in plain text. Browsers cannot set an ``Authorization``
   header on a WebSocket, so the token travels in the first message.
2. The server answers ``{"type": "ready", "user_id": ...}``: from then on the user's events come,
   ``{"type": "task.created", "id": ..., "owner_id": ..., "task_id": ...}`` and so on.
3. Heartbeat: the client may send ``{"type": "ping"}`` and gets ``{"type": "pong"}`` (an
   application-level check that the whole path works). uvicorn also pings at the protocol level
   (``--ws-ping-interval``/``--ws-ping-timeout``) and closes a connection whose peer stopped
   answering, so a dead client's socket is dropped within a bound.
"""

import asyncio
import json
from typing import Literal

from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..auth.denylist import DenyList
from ..auth.repository import RefreshTokenRepository
from ..auth.schemas import ROLE_SCOPES
from ..auth.tokens import InvalidTokenError
from ..users.repository import UserRepository
from .manager import ConnectionManager

router = APIRouter()

READ_SCOPE = "tasks:read"


class AuthMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=4096)


async def first_message_user(websocket: WebSocket) -> int | None:
    """The id of the user whose access token the first message carries; None for anything else
    (no message in time, not JSON, not an auth message, a bad token, a revoked login, an
    inactive user, no ``tasks:read``). A client that leaves raises ``WebSocketDisconnect``."""
    state = websocket.app.state
    # BEGIN SOLUTION wait_for the first text (settings.ws_auth_timeout), validate AuthMessage, decode_access
    try:
        text = await asyncio.wait_for(websocket.receive_text(), state.settings.ws_auth_timeout)
        claims = state.tokens.decode_access(AuthMessage.model_validate_json(text).token)
    except (TimeoutError, KeyError, ValidationError, InvalidTokenError):
        return None  # KeyError: a binary frame has no "text"
    # END SOLUTION
    # As for a request (auth/dependencies.py): the login not revoked, the user active, and the
    # scope granted by the token AND the user's current role.
    settings = state.settings
    async with state.sessionmaker() as session:
        # BEGIN SOLUTION the deny-list (as get_denylist makes it), then the user
        lifetime = settings.access_ttl + settings.leeway
        denylist = DenyList(state.guard, RefreshTokenRepository(session), lifetime)
        if await denylist.is_revoked(claims.login, state.clock()):
            return None
        user = await UserRepository(session).get(claims.user_id)
        # END SOLUTION
    if user is None or not user.is_active:
        return None
    # BEGIN SOLUTION the scope, in the token and the role; the user's id
    if READ_SCOPE not in claims.scopes & ROLE_SCOPES[user.role]:
        return None
    return int(user.id)
    # END SOLUTION


def is_ping(text: str) -> bool:
    """Whether ``text`` is the JSON object ``{"type": "ping", ...}``."""
    # BEGIN SOLUTION json.loads (ValueError: False); a dict whose type is "ping"
    try:
        message = json.loads(text)
    except ValueError:
        return False
    return isinstance(message, dict) and message.get("type") == "ping"
    # END SOLUTION


@router.websocket("/ws")
async def events(websocket: WebSocket) -> None:
    """Authenticate, then send the user's events until the client leaves."""
    manager: ConnectionManager = websocket.app.state.connections
    # BEGIN SOLUTION accept; first_message_user (a client that left: return); None: close 1008
    await websocket.accept()
    try:
        user_id = await first_message_user(websocket)
    except WebSocketDisconnect:
        return
    if user_id is None:
        await websocket.close(status.WS_1008_POLICY_VIOLATION, reason="authentication failed")
        return
    # END SOLUTION
    # BEGIN SOLUTION connect, send ready, answer pings until the client leaves; always disconnect
    manager.connect(user_id, websocket)
    try:
        await websocket.send_json({"type": "ready", "user_id": user_id})
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            if is_ping(message.get("text") or ""):
                await websocket.send_json({"type": "pong"})
    except WebSocketDisconnect:
        pass
    finally:
        manager.disconnect(user_id, websocket)
    # END SOLUTION

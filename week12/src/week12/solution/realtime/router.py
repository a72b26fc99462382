"""``/api/v1/ws``: the user's live events (the protocol is in the week's README). The access
token comes in the first message: in the URL (``/ws?token=``) it would be written to logs."""

import asyncio
import json
from typing import Literal

from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..auth.denylist import DenyList
from ..auth.repository import RefreshTokenRepository
from ..auth.schemas import ROLE_SCOPES
from ..auth.tokens import InvalidTokenError
from ..caching.guard import RedisGuard, RedisUnavailableError
from ..users.repository import UserRepository
from .manager import ConnectionManager
from .publisher import missed_since

router = APIRouter()


class AuthMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=4096)
    last_event_id: str | None = Field(default=None, max_length=64)  # resume after this event


async def first_message_user(websocket: WebSocket) -> tuple[int, str | None] | None:
    """The user of the first message's access token, and the last event id it saw (to resume);
    None for anything else. A client that leaves raises ``WebSocketDisconnect``."""
    # BEGIN SOLUTION first text in time, AuthMessage, token, user
    state = websocket.app.state
    try:
        text = await asyncio.wait_for(websocket.receive_text(), state.settings.ws_auth_timeout)
        auth = AuthMessage.model_validate_json(text)
        claims = state.tokens.decode_access(auth.token)
    except (TimeoutError, KeyError, ValidationError, InvalidTokenError):
        return None  # KeyError: a binary frame has no "text"
    # As for a request (auth/dependencies.py): the login not revoked, the user active, and the
    # scope granted by the token AND the user's current role.
    settings = state.settings
    async with state.sessionmaker() as session:
        lifetime = settings.access_ttl + settings.leeway
        denylist = DenyList(state.guard, RefreshTokenRepository(session), lifetime)
        if await denylist.is_revoked(claims.login, state.clock()):
            return None
        user = await UserRepository(session).get(claims.user_id)
    if user is None or not user.is_active:
        return None
    if "tasks:read" not in claims.scopes & ROLE_SCOPES[user.role]:
        return None
    return int(user.id), auth.last_event_id
    # END SOLUTION


def is_ping(text: str) -> bool:
    # BEGIN SOLUTION json.loads (ValueError: False); a dict whose type is ping
    try:
        message = json.loads(text)
    except ValueError:
        return False
    return isinstance(message, dict) and message.get("type") == "ping"
    # END SOLUTION


async def resume(websocket: WebSocket, user_id: int, last_event_id: str) -> None:
    """The events missed since ``last_event_id`` (may repeat a live one), or a ``resync``."""
    # BEGIN SOLUTION missed_since via the guard; or resync
    guard: RedisGuard = websocket.app.state.guard
    try:
        missed = await guard(lambda redis: missed_since(redis, user_id, last_event_id))
    except RedisUnavailableError:
        missed = None
    if missed is None:
        await websocket.send_json({"type": "resync"})
        return
    for event in missed:
        await websocket.send_json(event.model_dump(mode="json"))
    # END SOLUTION


@router.websocket("/ws")
async def events(websocket: WebSocket) -> None:
    """Authenticate, then send the user's events until the client leaves."""
    # BEGIN SOLUTION accept, authenticate; None: close 1008
    manager: ConnectionManager = websocket.app.state.connections
    await websocket.accept()
    try:
        authenticated = await first_message_user(websocket)
    except WebSocketDisconnect:
        return
    if authenticated is None:
        await websocket.close(status.WS_1008_POLICY_VIOLATION, reason="authentication failed")
        return
    user_id, last_event_id = authenticated
    # END SOLUTION
    # BEGIN SOLUTION connect, ready, resume, pings; disconnect
    manager.connect(user_id, websocket)
    try:
        await websocket.send_json({"type": "ready", "user_id": user_id})
        if last_event_id is not None:
            await resume(websocket, user_id, last_event_id)
        idle = websocket.app.state.settings.ws_idle_timeout
        while True:
            try:
                message = await asyncio.wait_for(websocket.receive(), idle)
            except TimeoutError:  # a dead peer sends nothing: drop it within a bound
                await websocket.close(status.WS_1001_GOING_AWAY, reason="no ping in time")
                break
            if message["type"] == "websocket.disconnect":
                break
            if is_ping(message.get("text") or ""):
                await websocket.send_json({"type": "pong"})
    except WebSocketDisconnect:
        pass
    finally:
        manager.disconnect(user_id, websocket)
    # END SOLUTION

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
    raise NotImplementedError("TODO: first text in time, AuthMessage, token, user")


def is_ping(text: str) -> bool:
    raise NotImplementedError("TODO: json.loads (ValueError: False); a dict whose type is ping")


async def resume(websocket: WebSocket, user_id: int, last_event_id: str) -> None:
    """The events missed since ``last_event_id`` (may repeat a live one), or a ``resync``."""
    raise NotImplementedError("TODO: missed_since via the guard; or resync")


@router.websocket("/ws")
async def events(websocket: WebSocket) -> None:
    """Authenticate, then send the user's events until the client leaves."""
    raise NotImplementedError("TODO: accept, authenticate; None: close 1008")
    raise NotImplementedError("TODO: connect, ready, resume, pings; disconnect")

"""``/api/v1/ws``: a person's notices and the project rooms they join (the protocol is in the
README, "Real-time notifications"). The access token comes in the first message: in the URL
(``/ws?token=``) it would be written to access logs."""

import asyncio
from typing import Annotated, Literal

from fastapi import APIRouter, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ..auth.repository import UserRepository
from ..errors import AuthenticationError
from ..projects.repository import ProjectRepository
from ..tenancy.base import scope_to_organisation
from ..tenancy.repository import MembershipRepository
from .fanout import Connection, Realtime, missed_since
from .messages import RoomKind, channel

router = APIRouter()

MAX_ROOMS = 50  # project rooms per socket
NOT_YOURS = "No such project in an organisation of yours"  # whether it exists stays unsaid
Id = Annotated[int, Field(gt=0, le=2**63 - 1)]  # a bigint
EventId = Annotated[str, Field(min_length=1, max_length=64)]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Auth(Message):
    type: Literal["auth"]
    # TODO (task 12): the token; the last personal event id, optional


class Subscribe(Message):
    type: Literal["subscribe"]
    # TODO (task 12): org_id, project_id; the last event id, optional


class Unsubscribe(Message):
    type: Literal["unsubscribe"]
    # TODO (task 12): project_id


class Ping(Message):
    type: Literal["ping"]


ClientMessage: TypeAdapter[Subscribe | Unsubscribe | Ping] = TypeAdapter(
    Annotated[Subscribe | Unsubscribe | Ping, Field(discriminator="type")]
)


async def authenticate(websocket: WebSocket, within: float) -> tuple[int, str | None] | None:
    """The user of the first message's access token, and the last personal event id it saw;
    None for anything else, or nothing in time. A client that leaves raises
    ``WebSocketDisconnect``."""
    raise NotImplementedError("TODO: task 12: first message in time; token; user")


async def may_watch(
    sessionmaker: async_sessionmaker[AsyncSession], user_id: int, org_id: int, project_id: int
) -> bool:
    """A member (any role) of ``org_id``, and ``project_id`` one of its live projects."""
    raise NotImplementedError("TODO: task 12: scope; membership; live project")


async def resume(
    realtime: Realtime, connection: Connection, kind: RoomKind, room_id: int, last_event_id: str
) -> None:
    """Send the room's events missed since ``last_event_id`` (one may repeat a live one: ids tell),
    or ``resync`` when they are not all in the history (or Redis cannot say)."""
    raise NotImplementedError("TODO: task 12: missed_since, or resync")


async def handle(realtime: Realtime, connection: Connection, text: str | None) -> None:
    """Answer one message of an authenticated client."""
    raise NotImplementedError("TODO: task 12: ping, subscribe, unsubscribe, error")


@router.websocket("/ws")
async def live(websocket: WebSocket) -> None:
    """Authenticate (else close 1008), join the caller's own room, then answer messages until the
    client leaves or says nothing for ``timeouts.idle`` seconds (close 1001)."""
    raise NotImplementedError("TODO: task 12: accept; auth or 1008; ready, resume, messages, idle")

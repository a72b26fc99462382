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


# BEGIN SOLUTION task 12: the client's messages; the endpoint's helpers
class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Auth(Message):
    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=4096)
    last_event_id: EventId | None = None  # resume the personal room after this event


class Subscribe(Message):
    type: Literal["subscribe"]
    org_id: Id
    project_id: Id
    last_event_id: EventId | None = None  # resume the project room after this event


class Unsubscribe(Message):
    type: Literal["unsubscribe"]
    project_id: Id


class Ping(Message):
    type: Literal["ping"]


ClientMessage: TypeAdapter[Subscribe | Unsubscribe | Ping] = TypeAdapter(
    Annotated[Subscribe | Unsubscribe | Ping, Field(discriminator="type")]
)


async def authenticate(websocket: WebSocket, within: float) -> tuple[int, str | None] | None:
    """The user of the first message's access token, and the last personal event id it saw;
    None for anything else, or nothing in time. A client that leaves raises
    ``WebSocketDisconnect``."""
    state = websocket.app.state
    try:
        text = await asyncio.wait_for(websocket.receive_text(), within)
        auth = Auth.model_validate_json(text)
        user_id = state.tokens.decode_access(auth.token, state.clock())
    except (TimeoutError, KeyError, ValidationError, AuthenticationError):
        return None  # KeyError: a binary frame has no "text"
    async with state.sessionmaker() as session:
        if await UserRepository(session).get(user_id) is None:
            return None
    return user_id, auth.last_event_id


async def may_watch(
    sessionmaker: async_sessionmaker[AsyncSession], user_id: int, org_id: int, project_id: int
) -> bool:
    """A member (any role) of ``org_id``, and ``project_id`` one of its live projects."""
    async with sessionmaker() as session, session.begin():
        await scope_to_organisation(session, org_id)
        if await MembershipRepository(session, org_id).get_for(user_id) is None:
            return False
        return await ProjectRepository(session, org_id).get(project_id) is not None


async def resume(
    realtime: Realtime, connection: Connection, kind: RoomKind, room_id: int, last_event_id: str
) -> None:
    """Send the room's events missed since ``last_event_id`` (one may repeat a live one: ids tell),
    or ``resync`` when they are not all in the history (or Redis cannot say)."""
    try:
        missed = await missed_since(realtime.redis, kind, room_id, last_event_id)
    except (RedisError, OSError):  # Redis cannot say: a resync
        missed = None
    if missed is None:
        resync = {"type": "resync", "room": kind, f"{kind}_id": room_id}
        await connection.websocket.send_json(resync)
        return
    for text in missed:
        await connection.send(text)


async def handle(realtime: Realtime, connection: Connection, text: str | None) -> None:
    """Answer one message of an authenticated client."""
    websocket = connection.websocket
    try:
        message = ClientMessage.validate_json(text or "")
    except ValidationError:
        await websocket.send_json({"type": "error", "detail": "Not a message of this protocol"})
        return
    if isinstance(message, Ping):
        await websocket.send_json({"type": "pong"})
    elif isinstance(message, Unsubscribe):
        connection.projects.pop(message.project_id, None)
        realtime.rooms.leave(channel("project", message.project_id), connection)
        await websocket.send_json({"type": "unsubscribed", "project_id": message.project_id})
    elif message.project_id in connection.projects or len(connection.projects) < MAX_ROOMS:
        user, org, project = connection.user_id, message.org_id, message.project_id
        if not await may_watch(websocket.app.state.sessionmaker, user, org, project):
            await websocket.send_json({"type": "error", "project_id": project, "detail": NOT_YOURS})
            return
        connection.projects[project] = org
        realtime.rooms.join(channel("project", project), connection)
        await websocket.send_json({"type": "subscribed", "org_id": org, "project_id": project})
        if message.last_event_id is not None:
            await resume(realtime, connection, "project", project, message.last_event_id)
    else:
        detail = f"At most {MAX_ROOMS} project rooms per connection"
        await websocket.send_json({"type": "error", "detail": detail})


# REPLACE WITH
# # TODO (task 12): the client's messages as pydantic models, unknown fields refused: auth (the
# # token; the last personal event id, optional), subscribe (org_id, project_id; the last event
# # id, optional), unsubscribe (project_id), ping; `Id` and `EventId` above are their limits.
# # Then the helpers your endpoint needs: authenticate the first message in time (the token,
# # then the user in PostgreSQL), check that the user may watch a project (a member of its
# # organisation, a live project), resume a room from a last event id (or resync), answer one
# # message of an authenticated client.
# END SOLUTION


@router.websocket("/ws")
async def live(websocket: WebSocket) -> None:
    """Authenticate (else close 1008), join the caller's own room, then answer messages until the
    client leaves or says nothing for ``timeouts.idle`` seconds (close 1001)."""
    # BEGIN SOLUTION task 12: accept; auth or 1008; ready, resume, messages, idle
    realtime: Realtime = websocket.app.state.realtime
    await websocket.accept()
    try:
        authenticated = await authenticate(websocket, realtime.timeouts.auth)
    except WebSocketDisconnect:
        return
    if authenticated is None:
        await websocket.close(status.WS_1008_POLICY_VIOLATION, reason="authentication failed")
        return
    user_id, last_event_id = authenticated
    connection = Connection(websocket, user_id)
    personal = channel("user", user_id)
    realtime.rooms.join(personal, connection)  # before "ready": nothing published after it is lost
    try:
        await websocket.send_json({"type": "ready", "user_id": user_id})
        if last_event_id is not None:
            await resume(realtime, connection, "user", user_id, last_event_id)
        while True:
            try:
                message = await asyncio.wait_for(websocket.receive(), realtime.timeouts.idle)
            except TimeoutError:
                await websocket.close(status.WS_1001_GOING_AWAY, reason="no message in time")
                return
            if message["type"] == "websocket.disconnect":
                return
            await handle(realtime, connection, message.get("text"))
    except WebSocketDisconnect:
        pass
    finally:
        realtime.rooms.leave(personal, connection)
        for project in connection.projects:
            realtime.rooms.leave(channel("project", project), connection)
    # END SOLUTION

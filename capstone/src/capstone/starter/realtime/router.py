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


# TODO (task 12): the client's messages as pydantic models, unknown fields refused: auth (the
# token; the last personal event id, optional), subscribe (org_id, project_id; the last event
# id, optional), unsubscribe (project_id), ping; `Id` and `EventId` above are their limits.
# Then the helpers your endpoint needs: authenticate the first message in time (the token,
# then the user in PostgreSQL), check that the user may watch a project (a member of its
# organisation, a live project), resume a room from a last event id (or resync), answer one
# message of an authenticated client.


@router.websocket("/ws")
async def live(websocket: WebSocket) -> None:
    """Authenticate (else close 1008), join the caller's own room, then answer messages until the
    client leaves or says nothing for ``timeouts.idle`` seconds (close 1001)."""
    raise NotImplementedError("TODO: task 12: accept; auth or 1008; ready, resume, messages, idle")

"""What the server pushes, and where: an event says WHAT changed (a type and ids), never the new
state. A client reads the task as usual, through the API that checks its role, so a missed or
repeated event costs one refetch, never stale or leaked data.

Two kinds of room, one Redis channel and one capped history stream each: a person's own
(``user``: what they are personally told, ``events.notices``) and a project's (``project``:
every change of its tasks and comments, for the members who subscribed).
"""

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..events import Change, Reason, notices

PREFIX = "capstone:rt:"  # channels: capstone:rt:user:7, capstone:rt:project:3
HISTORY_PREFIX = "capstone:rt-history:"  # their recent events (a capped stream), to resume
HISTORY_LENGTH = 100  # about (MAXLEN ~): a client further behind is told to resync
ROOM_ENTITIES = frozenset({"task", "comment", "project"})  # what a project room hears of

RoomKind = Literal["user", "project"]


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # TODO (task 12): the fields of an event (the README's protocol)


def channel(kind: RoomKind, room_id: int) -> str:
    """The Redis channel of a room: ``capstone:rt:user:7``."""
    raise NotImplementedError("TODO: task 12: PREFIX, the kind, the id")


def history(kind: RoomKind, room_id: int) -> str:
    """The Redis stream of a room's recent events: ``capstone:rt-history:user:7``."""
    raise NotImplementedError("TODO: task 12: HISTORY_PREFIX, the kind, the id")


def parse_channel(name: str) -> tuple[RoomKind, int] | None:
    """``("user", 7)`` for ``capstone:rt:user:7``; None for any other name."""
    raise NotImplementedError("TODO: task 12: strip PREFIX; kind and decimal id")


# TODO (task 12): a helper for addressed(): the project whose room hears of a change (a
# task's, in its snapshot; a comment's, the fact the before_commit listener kept; a project)


def addressed(change: Change) -> list[tuple[str, str, Event]]:
    """Every (channel, history stream, event) that tells of ``change``: one in its project's room,
    one per person personally told (never the actor), and one telling a removed member, whose
    process then drops that person's rooms of the organisation."""
    raise NotImplementedError("TODO: task 12: project room, notices, member.removed")

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

    # BEGIN SOLUTION task 12: the fields (see the README's protocol)
    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    type: str  # the change's action: task.created, task.updated, comment.created, ...
    room: RoomKind
    org_id: int
    project_id: int | None = None
    task_id: int | None = None
    comment_id: int | None = None
    actor_id: int | None = None
    reason: Reason | None = None  # user room only: why you are told (assigned, mentioned)
    # REPLACE WITH
    # # TODO (task 12): the fields of an event (the README's protocol)
    # END SOLUTION


def channel(kind: RoomKind, room_id: int) -> str:
    """The Redis channel of a room: ``capstone:rt:user:7``."""
    # BEGIN SOLUTION task 12: PREFIX, the kind, the id
    return f"{PREFIX}{kind}:{room_id}"
    # END SOLUTION


def history(kind: RoomKind, room_id: int) -> str:
    """The Redis stream of a room's recent events: ``capstone:rt-history:user:7``."""
    # BEGIN SOLUTION task 12: HISTORY_PREFIX, the kind, the id
    return f"{HISTORY_PREFIX}{kind}:{room_id}"
    # END SOLUTION


def parse_channel(name: str) -> tuple[RoomKind, int] | None:
    """``("user", 7)`` for ``capstone:rt:user:7``; None for any other name."""
    # BEGIN SOLUTION task 12: strip PREFIX; kind and decimal id
    kind, _, room_id = name.removeprefix(PREFIX).partition(":")
    if not name.startswith(PREFIX) or not room_id.isdecimal():
        return None
    if kind == "user":
        return "user", int(room_id)
    if kind == "project":
        return "project", int(room_id)
    return None
    # END SOLUTION


# BEGIN SOLUTION task 12: which project's room hears of a change
def project_of(change: Change) -> int | None:
    """The project whose room hears of ``change``: a task's (in its snapshot), a comment's (a fact
    the ``before_commit`` listener found), a project itself; None for anything else."""
    state = change.after or change.before or {}
    if change.entity_type == "task":
        return int(state["project_id"])
    if change.entity_type == "comment":
        project = change.facts.get("project_id")
        return None if project is None else int(project)
    if change.entity_type == "project":
        return change.entity_id
    return None


# REPLACE WITH
# # TODO (task 12): a helper for addressed(): the project whose room hears of a change (a
# # task's, in its snapshot; a comment's, the fact the before_commit listener kept; a project)
# END SOLUTION


def addressed(change: Change) -> list[tuple[str, str, Event]]:
    """Every (channel, history stream, event) that tells of ``change``: one in its project's room,
    one per person personally told (never the actor), and one telling a removed member, whose
    process then drops that person's rooms of the organisation."""
    # BEGIN SOLUTION task 12: project room, notices, member.removed
    state = change.after or change.before or {}
    ids = {"org_id": change.org_id, "actor_id": change.actor_id, "type": change.action}
    if change.entity_type == "task":
        ids["task_id"] = change.entity_id
    elif change.entity_type == "comment":
        ids |= {"task_id": state.get("task_id"), "comment_id": change.entity_id}
    out: list[tuple[str, str, Event]] = []
    project = project_of(change) if change.entity_type in ROOM_ENTITIES else None
    if project is not None:
        event = Event(room="project", project_id=project, **ids)
        out.append((channel("project", project), history("project", project), event))
    for notice in notices(change):
        event = Event(room="user", project_id=project, reason=notice.reason, **ids)
        out.append((channel("user", notice.user_id), history("user", notice.user_id), event))
    if change.action == "member.removed":
        removed = change.entity_id
        event = Event(room="user", **ids)
        out.append((channel("user", removed), history("user", removed), event))
    return out
    # END SOLUTION

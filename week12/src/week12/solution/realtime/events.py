"""What the server pushes: what changed (a type and ids), not the new state: a client reads the
task as usual, so a missed event costs one refresh, never stale data."""

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal["task.created", "task.updated", "task.deleted", "report.ready"]
CHANNEL_PREFIX = "week12:events:user:"  # one Redis channel per owner
HISTORY_PREFIX = "week12:history:user:"  # and a short history (a capped stream) for resuming
HISTORY_LENGTH = 100  # about; a client further behind than that reloads everything


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # BEGIN SOLUTION the fields (see the README)
    id: str = Field(default_factory=lambda: uuid.uuid4().hex, description="Unique per event")
    type: EventType
    owner_id: int
    task_id: int | None = None
    report_id: int | None = None
    # END SOLUTION


def channel(owner_id: int) -> str:
    """The Redis channel of ``owner_id``'s events."""
    # BEGIN SOLUTION CHANNEL_PREFIX and the id
    return f"{CHANNEL_PREFIX}{owner_id}"
    # END SOLUTION


def history(owner_id: int) -> str:
    """The Redis stream of ``owner_id``'s recent events."""
    # BEGIN SOLUTION HISTORY_PREFIX and the id
    return f"{HISTORY_PREFIX}{owner_id}"
    # END SOLUTION


def owner_of(channel_name: str) -> int | None:
    """The owner whose channel this is; None for a name that is not an owner's channel."""
    # BEGIN SOLUTION strip the prefix; None unless what is left is a number
    rest = channel_name.removeprefix(CHANNEL_PREFIX)
    if rest == channel_name or not rest.isdigit():
        return None
    return int(rest)
    # END SOLUTION

"""What the server pushes: what changed (a type and ids), not the new state: a client reads the
task as usual, so a missed event costs one refresh, never stale data."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

EventType = Literal["task.created", "task.updated", "task.deleted", "report.ready"]
CHANNEL_PREFIX = "week12:events:user:"  # one Redis channel per owner
HISTORY_PREFIX = "week12:history:user:"  # and a short history (a capped stream) for resuming
HISTORY_LENGTH = 100  # about; a client further behind than that reloads everything


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # TODO (task 1): id (a new uuid4 hex by default), type (EventType), owner_id, and the
    # optional task_id and report_id (None by default)


def channel(owner_id: int) -> str:
    """The Redis channel of ``owner_id``'s events."""
    raise NotImplementedError("TODO: CHANNEL_PREFIX and the id")


def history(owner_id: int) -> str:
    """The Redis stream of ``owner_id``'s recent events."""
    raise NotImplementedError("TODO: HISTORY_PREFIX and the id")


def owner_of(channel_name: str) -> int | None:
    """The owner whose channel this is; None for a name that is not an owner's channel."""
    raise NotImplementedError("TODO: strip the prefix; None unless what is left is a number")

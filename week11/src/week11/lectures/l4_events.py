"""Event sourcing and CQRS, each in a few lines (lecture 4, concepts).

Event sourcing: the state of a task is not stored; the *events* are, and the state is a fold over
them (replayable, auditable, time-travel for free). CQRS: the write side appends events; a separate
read model (a projection) is updated from them and shaped for the queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EventKind = Literal["created", "assigned", "completed"]


@dataclass(frozen=True)
class Event:
    task_id: int
    kind: EventKind
    value: str = ""


@dataclass
class TaskState:
    title: str = ""
    assignee: str | None = None
    done: bool = False


def apply(state: TaskState, event: Event) -> TaskState:
    """One step of the fold: the new state after ``event``."""
    if event.kind == "created":
        return TaskState(title=event.value)
    if event.kind == "assigned":
        return TaskState(state.title, event.value, state.done)
    return TaskState(state.title, state.assignee, done=True)


def rebuild(events: list[Event], task_id: int) -> TaskState:
    state = TaskState()
    for event in events:
        if event.task_id == task_id:
            state = apply(state, event)
    return state


@dataclass
class OpenTasksPerAssignee:
    """A CQRS read model: kept up to date from the events, answers one query fast."""

    counts: dict[str, int] = field(default_factory=dict)
    assignee_of: dict[int, str] = field(default_factory=dict)

    def project(self, event: Event) -> None:
        if event.kind == "assigned":
            if previous := self.assignee_of.get(event.task_id):
                self.counts[previous] -= 1
            self.assignee_of[event.task_id] = event.value
            self.counts[event.value] = self.counts.get(event.value, 0) + 1
        elif event.kind == "completed" and (who := self.assignee_of.pop(event.task_id, None)):
            self.counts[who] -= 1

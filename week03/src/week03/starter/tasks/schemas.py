"""Request and response models of tasks.

Three request shapes, one per intent: ``TaskIn`` for POST and PUT (PUT replaces the whole task, so
omitted fields fall back to their defaults), ``TaskPatch`` for PATCH (only the fields sent change),
and ``TaskFilters`` for the list's query string. ``TaskRead`` is what the API sends back.
"""

from datetime import date, datetime
from typing import Annotated

from pydantic import MISSING, BaseModel, ConfigDict, Field, field_validator

from ..fields import NO_NUL, NOT_BLANK, Id, JsonDate, JsonId, Trim, TrimNotBlank
from .models import Priority, TaskStatus

# TODO (task 1): the field types Title, Description, TagIds (README "Data rules", fields.py)


class TaskIn(BaseModel):
    """Body of POST /tasks and PUT /tasks/{id}."""

    # TODO (task 1): every field with its default; unknown fields refused; duplicate tags collapse


class TaskPatch(BaseModel):
    """Body of PATCH /tasks/{id}: only the fields sent change; null clears a nullable field."""

    # TODO (task 1): the same fields, each "not sent" by default (MISSING); null only where allowed


class TaskFilters(BaseModel):
    """Query string of GET /tasks; filters combine with AND."""

    # TODO (task 1): status, priority, category_id, tag_id (repeatable), each optional


class TaskRead(BaseModel):
    """What the API sends back for a task (read from the ``Task`` dataclass)."""

    # TODO (task 1): every field of a task; readable from a Task object (from_attributes)

"""Request and response models of tasks.

Three request shapes, one per intent: ``TaskIn`` for POST and PUT (PUT replaces the whole task, so
omitted fields fall back to their defaults), ``TaskPatch`` for PATCH (only the fields sent change),
and ``TaskFilters`` for the list's query string. ``TaskRead`` is what the API sends back.
"""

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import MISSING, BaseModel, ConfigDict, Field, field_validator

from ..fields import NO_NUL, NOT_BLANK, Id, JsonDate, JsonId
from .models import Priority, TaskStatus

Title = Annotated[
    str, Field(min_length=1, max_length=200, pattern=NOT_BLANK, examples=["Write tests"])
]
Description = Annotated[str, Field(max_length=2000, pattern=NO_NUL)]
TagIds = Annotated[
    list[JsonId], Field(max_length=20, description="Ids of tags; duplicates collapse")
]


def unique_in_order(ids: list[int]) -> list[int]:
    """``[3, 1, 3]`` -> ``[3, 1]``: a task has a tag or not; repeating it means nothing."""
    return list(dict.fromkeys(ids))


class TaskIn(BaseModel):
    """Body of POST /tasks and PUT /tasks/{id}."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Title
    description: Description | None = None
    status: TaskStatus = TaskStatus.TODO
    priority: Priority = Priority.MEDIUM
    due_date: JsonDate | None = None
    category_id: JsonId | None = None
    tag_ids: TagIds = []

    @field_validator("tag_ids")
    @classmethod
    def _unique_tags(cls, ids: list[int]) -> list[int]:
        return unique_in_order(ids)


class TaskPatch(BaseModel):
    """Body of PATCH /tasks/{id}: only the fields sent change; null clears a nullable field."""

    # MISSING (not None) means "not sent": {"due_date": null} (clear the date) differs from {}
    # (keep it), and {"title": null} is rejected, exactly as the OpenAPI schema says.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Title | MISSING = MISSING
    description: Description | MISSING | None = MISSING
    status: TaskStatus | MISSING = MISSING
    priority: Priority | MISSING = MISSING
    due_date: JsonDate | MISSING | None = MISSING
    category_id: JsonId | MISSING | None = MISSING
    tag_ids: TagIds | MISSING = MISSING

    @field_validator("tag_ids")
    @classmethod
    def _unique_tags(cls, ids: list[int]) -> list[int]:
        return unique_in_order(ids)


class TaskFilters(BaseModel):
    """Query string of GET /tasks; filters combine with AND."""

    status: TaskStatus | None = None
    priority: Priority | None = None
    category_id: Id | None = None
    tag_id: list[Id] = Field(default=[], description="Tasks that have all of these tags")


class TaskRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str | None
    status: TaskStatus
    priority: Priority
    due_date: date | None
    category_id: int | None
    tag_ids: list[int]
    created_at: datetime
    updated_at: datetime


class TaskSort(StrEnum):
    """Sort keys of GET /api/v2/tasks: a field name, ``-`` in front for descending order.

    Every order ends with the id as a tie-breaker (in the same direction), so it is total and
    stable: two tasks created in the same microsecond still have one fixed order across pages.
    """

    ID = "id"
    ID_DESC = "-id"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    PRIORITY = "priority"
    PRIORITY_DESC = "-priority"
    TITLE = "title"
    TITLE_DESC = "-title"

    @property
    def field(self) -> str:
        return self.value.removeprefix("-")

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")

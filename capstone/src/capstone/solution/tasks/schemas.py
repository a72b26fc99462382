from datetime import date, datetime
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..projects.schemas import Description
from ..tenancy.dependencies import MAX_ID
from .models import Status

# Strict: in lax mode pydantic reads the JSON ``true`` as the id 1 and ``"7"`` as 7, which the
# schema's ``integer`` forbids. (Fine for an int: JSON has integers; week 7 explains why dates
# cannot be strict.)
Id = Annotated[int, Field(ge=1, le=MAX_ID, strict=True)]
Title = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")]
Label = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Labels = Annotated[
    list[Label], Field(max_length=20), AfterValidator(lambda labels: sorted(set(labels)))
]
DueDate = Annotated[date, Field(ge=date(2000, 1, 1), le=date(2999, 12, 31))]


class TaskIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    project_id: Id
    title: Title
    description: Description = ""
    assignee_id: Id | None = None
    due_date: DueDate | None = None
    labels: Labels = []
    # REPLACE WITH
    # # TODO (task 6): the fields of TaskIn in openapi.json (components.schemas)
    # END SOLUTION


class TaskPatch(BaseModel):
    """Fields to change; ``assignee_id``/``due_date`` set to null clear them."""

    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    title: Title | None = None
    description: Description | None = None
    status: Status | None = None
    assignee_id: Id | None = None
    due_date: DueDate | None = None
    labels: Labels | None = None

    @model_validator(mode="after")
    def only_clearable_fields_are_null(self) -> Self:
        for name in ("title", "description", "status", "labels"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    # REPLACE WITH
    # # TODO (task 6): the fields of TaskPatch in openapi.json (components.schemas)
    # END SOLUTION


class TaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    id: int
    project_id: int
    title: str
    description: str
    status: Status
    assignee_id: int | None
    due_date: date | None
    labels: list[str]
    version: int
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 6): the fields of TaskOut in openapi.json (components.schemas)
    # END SOLUTION

"""Version 2 of the task representation: the deliberate breaking changes of /api/v2.

- ``status`` is now ``state`` (problem bodies have a numeric ``status``; one name, one meaning)
  and ``due_date`` is now ``due_on`` (a date, not a datetime: ``_on`` says so);
- every task carries ``links`` (HATEOAS): clients follow URLs instead of building them;
- a list is a page envelope ``{"items", "next_cursor", "links": {"self", "next"}}``, not an array.

The service and repository do not change: v2 models convert to and from v1's at the edge.
"""

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    MISSING,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
    field_validator,
)

from ..errors import RowError
from ..fields import Id, JsonDate, JsonId
from .models import Priority, TaskStatus
from .schemas import (
    Description,
    TagIds,
    TaskFilters,
    TaskIn,
    TaskPatch,
    TaskSort,
    Title,
    unique_in_order,
)

V2_TO_V1 = {"state": "status", "due_on": "due_date"}
V1_TO_V2 = {v1: v2 for v2, v1 in V2_TO_V1.items()}


def renamed(fields: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {names.get(name, name): value for name, value in fields.items()}


class TaskInV2(BaseModel):
    """Body of POST and PUT /api/v2/tasks."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Title
    description: Description | None = None
    state: TaskStatus = TaskStatus.TODO
    priority: Priority = Priority.MEDIUM
    due_on: JsonDate | None = None
    category_id: JsonId | None = None
    tag_ids: TagIds = []

    @field_validator("tag_ids")
    @classmethod
    def _unique_tags(cls, ids: list[int]) -> list[int]:
        return unique_in_order(ids)

    def to_v1(self) -> TaskIn:
        return TaskIn.model_validate(renamed(self.model_dump(), V2_TO_V1))


class TaskPatchV2(BaseModel):
    """Body of PATCH /api/v2/tasks/{id}: only the fields sent change."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: Title | MISSING = MISSING
    description: Description | MISSING | None = MISSING
    state: TaskStatus | MISSING = MISSING
    priority: Priority | MISSING = MISSING
    due_on: JsonDate | MISSING | None = MISSING
    category_id: JsonId | MISSING | None = MISSING
    tag_ids: TagIds | MISSING = MISSING

    @field_validator("tag_ids")
    @classmethod
    def _unique_tags(cls, ids: list[int]) -> list[int]:
        return unique_in_order(ids)

    def to_v1(self) -> TaskPatch:
        return TaskPatch.model_validate(renamed(self.model_dump(exclude_unset=True), V2_TO_V1))


class TaskQueryV2(BaseModel):
    """Query string of GET /api/v2/tasks: filters (AND), a sort key, a page size and a cursor."""

    state: TaskStatus | None = None
    priority: Priority | None = None
    category_id: Id | None = None
    tag_id: list[Id] = Field(default=[], description="Tasks that have all of these tags")
    sort: TaskSort = Field(default=TaskSort.ID, description="Field to sort by; `-` for descending")
    limit: int = Field(default=20, ge=1, le=100, description="Page size")
    cursor: str | None = Field(
        default=None, max_length=500, description="Opaque: copy it from `next_cursor`"
    )

    def filters(self) -> TaskFilters:
        return TaskFilters(
            status=self.state, priority=self.priority, category_id=self.category_id,
            tag_id=self.tag_id,
        )  # fmt: skip


class TaskLinks(BaseModel):
    self: str
    category: str | None = Field(description="The task's category, or null")
    tags: list[str]


class TaskReadV2(BaseModel):
    id: int
    title: str
    description: str | None
    state: TaskStatus
    priority: Priority
    due_on: date | None
    category_id: int | None
    tag_ids: list[int]
    created_at: datetime
    updated_at: datetime
    links: TaskLinks


class PageLinks(BaseModel):
    self: str
    next: str | None = Field(description="The next page, or null on the last page")


class TaskPage(BaseModel):
    items: list[TaskReadV2]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
    links: PageLinks


MAX_IMPORT = 10_000


# Documented as a list of TaskInV2, validated row by row in validate_rows (below).
IMPORT_ROWS = {
    "type": "array",
    "items": {"$ref": "#/components/schemas/TaskInV2"},
    "minItems": 1,
    "maxItems": MAX_IMPORT,
}


class TaskImport(BaseModel):
    """Body of POST /api/v2/tasks/import: up to 10,000 tasks, imported all together or not at all."""

    model_config = ConfigDict(extra="forbid")

    # The rows are taken as they come and checked one by one (validate_rows): with
    # list[TaskInV2] here, one invalid row would stop the request before the others reach the
    # service, and a client fixing its file would learn of missing references only on the next
    # try. WithJsonSchema keeps the documented schema: a list of TaskInV2.
    tasks: Annotated[
        list[Any], Field(min_length=1, max_length=MAX_IMPORT), WithJsonSchema(IMPORT_ROWS)
    ]


ROW = TypeAdapter(TaskInV2)


def validate_rows(rows: list[Any]) -> tuple[dict[int, TaskIn], list[RowError]]:
    """The valid rows (as v1, by their index) and every error of the invalid ones."""
    valid: dict[int, TaskIn] = {}
    errors: list[RowError] = []
    for index, row in enumerate(rows):
        try:
            valid[index] = ROW.validate_python(row).to_v1()
        except ValidationError as exc:
            errors += [RowError(index, e["loc"], e["msg"], e["type"]) for e in exc.errors()]
    return valid, errors


class ImportResult(BaseModel):
    imported: int
    ids: list[int] = Field(description="The new tasks' ids, in the order of the request")

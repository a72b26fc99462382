"""The statistics of a user's tasks: what a dashboard shows."""

from datetime import date

from pydantic import BaseModel, Field

from ..tasks.models import Priority, TaskStatus


class CategoryCount(BaseModel):
    category_id: int | None = Field(description="None: the tasks without a category")
    tasks: int


class TaskStats(BaseModel):
    as_of: date = Field(description="The day the date-dependent counts refer to (UTC)")
    total: int
    by_status: dict[TaskStatus, int]
    by_priority: dict[Priority, int]
    overdue: int = Field(description="Not done, due before today")
    due_this_week: int = Field(description="Not done, due today or in the next 6 days")
    by_category: list[CategoryCount] = Field(description="Most tasks first")
    completion_rate: float | None = Field(description="Done among all; None without tasks")

"""The pipeline's HTTP shapes: report exports and the admin's view of the pipeline."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ReportStatus = Literal["queued", "running", "done", "failed"]


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["csv", "json"] = "csv"


class ReportRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    format: Literal["csv", "json"]
    status: ReportStatus
    error: str | None = Field(description="Why it failed (status failed)")
    created_at: datetime


class DeadLetterRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    task_name: str
    payload: dict[str, Any]
    error: str
    failed_at: datetime
    replayed_at: datetime | None


class PipelineReport(BaseModel):
    queues: dict[str, int] = Field(description="Messages waiting in each broker queue")
    outbox_pending: int = Field(description="Outbox rows the relay has not published yet")
    failed_reports: int
    dead_letters: list[DeadLetterRead] = Field(description="Not replayed yet, newest first")

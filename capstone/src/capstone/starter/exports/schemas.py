from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Format = Literal["csv", "json"]


class ExportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Format = "csv"


class ExportOut(BaseModel):
    """``download`` is the file's URL once ``status`` is ``done``."""

    id: int
    format: Format
    status: Literal["pending", "done", "failed"]
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    download: str | None = None

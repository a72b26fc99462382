from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Format = Literal["csv", "json"]


class ExportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION task 13
    format: Format = "csv"
    # REPLACE WITH
    # # TODO (task 13): the fields of ExportIn in openapi.json (components.schemas)
    # END SOLUTION


class ExportOut(BaseModel):
    """``download`` is the file's URL once ``status`` is ``done``."""

    # BEGIN SOLUTION task 13
    id: int
    format: Format
    status: Literal["pending", "done", "failed"]
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    download: str | None = None
    # REPLACE WITH
    # # TODO (task 13): the fields of ExportOut in openapi.json (components.schemas)
    # END SOLUTION

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Format = Literal["csv", "json"]


class ExportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 13): the fields of ExportIn in openapi.json (components.schemas)


class ExportOut(BaseModel):
    """``download`` is the file's URL once ``status`` is ``done``."""

    # TODO (task 13): the fields of ExportOut in openapi.json (components.schemas)

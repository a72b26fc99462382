from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..tenancy.schemas import Name

Description = Annotated[str, Field(max_length=10_000, pattern=r"^[^\x00]*$")]


class ProjectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    description: Description = ""


class ProjectPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    description: Description | None = None


class ProjectOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str
    created_at: datetime

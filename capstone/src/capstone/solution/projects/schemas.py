from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..tenancy.schemas import Name

Description = Annotated[str, Field(max_length=10_000, pattern=r"^[^\x00]*$")]


class ProjectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    name: Name
    description: Description = ""
    # REPLACE WITH
    # # TODO (task 5): the fields of ProjectIn in openapi.json (components.schemas)
    # END SOLUTION


class ProjectPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    name: Name | None = None
    description: Description | None = None
    # REPLACE WITH
    # # TODO (task 5): the fields of ProjectPatch in openapi.json (components.schemas)
    # END SOLUTION


class ProjectOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    id: int
    name: str
    description: str
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 5): the fields of ProjectOut in openapi.json (components.schemas)
    # END SOLUTION

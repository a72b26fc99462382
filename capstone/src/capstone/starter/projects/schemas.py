from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..tenancy.schemas import Name

Description = Annotated[str, Field(max_length=10_000, pattern=r"^[^\x00]*$")]


class ProjectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 5): the fields of ProjectIn in openapi.json (components.schemas)


class ProjectPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 5): the fields of ProjectPatch in openapi.json (components.schemas)


class ProjectOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO (task 5): the fields of ProjectOut in openapi.json (components.schemas)

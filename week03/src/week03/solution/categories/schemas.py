"""Request and response models of categories."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..fields import NO_NUL, NOT_BLANK, Trim, TrimNotBlank

# BEGIN SOLUTION
Name = Annotated[
    str, Field(min_length=1, max_length=50, pattern=NOT_BLANK, examples=["Work"]), TrimNotBlank
]
Description = Annotated[str, Field(max_length=500, pattern=NO_NUL), Trim]
# REPLACE WITH
# # TODO (task 1): the field types Name and Description (README "Data rules", fields.py)
# END SOLUTION


class CategoryIn(BaseModel):
    """Body of POST (create) and PUT (replace): PUT resets an omitted description to null."""

    # BEGIN SOLUTION
    model_config = ConfigDict(extra="forbid")

    name: Name
    description: Description | None = None
    # REPLACE WITH
    # # TODO (task 1): name and description; unknown fields refused
    # END SOLUTION


class CategoryRead(BaseModel):
    """What the API sends back for a category."""

    # BEGIN SOLUTION
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None
    # REPLACE WITH
    # # TODO (task 1): id, name, description; readable from a Category object
    # END SOLUTION

"""Request and response models of tags."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..fields import NOT_BLANK, TrimNotBlank

# BEGIN SOLUTION
Name = Annotated[
    str, Field(min_length=1, max_length=30, pattern=NOT_BLANK, examples=["urgent"]), TrimNotBlank
]
# REPLACE WITH
# # TODO (task 1): the field type Name (README "Data rules", fields.py)
# END SOLUTION


class TagIn(BaseModel):
    """Body of POST (create) and PUT (rename)."""

    # BEGIN SOLUTION
    model_config = ConfigDict(extra="forbid")

    name: Name
    # REPLACE WITH
    # # TODO (task 1): name; unknown fields refused
    # END SOLUTION


class TagRead(BaseModel):
    """What the API sends back for a tag."""

    # BEGIN SOLUTION
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    # REPLACE WITH
    # # TODO (task 1): id and name; readable from a Tag object
    # END SOLUTION

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Body = Annotated[
    str, Field(min_length=1, max_length=10_000, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")
]


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 8): the fields of CommentIn in openapi.json (components.schemas)


class CommentOut(BaseModel):
    """A comment, with the ids of the members it mentions (addresses of non-members stay text)."""

    # TODO (task 8): the fields of CommentOut in openapi.json (components.schemas)

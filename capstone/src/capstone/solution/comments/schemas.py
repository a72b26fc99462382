from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Body = Annotated[
    str, Field(min_length=1, max_length=10_000, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")
]


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    body: Body
    # REPLACE WITH
    # # TODO (task 8): the fields of CommentIn in openapi.json (components.schemas)
    # END SOLUTION


class CommentOut(BaseModel):
    """A comment, with the ids of the members it mentions (addresses of non-members stay text)."""

    # BEGIN SOLUTION
    id: int
    task_id: int
    author_id: int | None
    body: str
    mentions: list[int]
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 8): the fields of CommentOut in openapi.json (components.schemas)
    # END SOLUTION

"""Request and response models of tags."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..fields import NOT_BLANK

Name = Annotated[str, Field(min_length=1, max_length=30, pattern=NOT_BLANK, examples=["urgent"])]


class TagIn(BaseModel):
    """Body of POST (create) and PUT (rename)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Name


class TagRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str

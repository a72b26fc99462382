"""Request and response models of categories."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..fields import NO_NUL, NOT_BLANK

Name = Annotated[str, Field(min_length=1, max_length=50, pattern=NOT_BLANK, examples=["Work"])]
Description = Annotated[str, Field(max_length=500, pattern=NO_NUL)]


class CategoryIn(BaseModel):
    """Body of POST (create) and PUT (replace): PUT resets an omitted description to null."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Name
    description: Description | None = None


class CategoryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None

"""Request and response models of categories."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..fields import NO_NUL, NOT_BLANK, Trim, TrimNotBlank

# TODO (task 1): the field types Name and Description (README "Data rules", fields.py)


class CategoryIn(BaseModel):
    """Body of POST (create) and PUT (replace): PUT resets an omitted description to null."""

    # TODO (task 1): name and description; unknown fields refused


class CategoryRead(BaseModel):
    """What the API sends back for a category."""

    # TODO (task 1): id, name, description; readable from a Category object

"""Request and response models of tags."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..fields import NOT_BLANK, TrimNotBlank

# TODO (task 1): the field type Name (README "Data rules", fields.py)


class TagIn(BaseModel):
    """Body of POST (create) and PUT (rename)."""

    # TODO (task 1): name; unknown fields refused


class TagRead(BaseModel):
    """What the API sends back for a tag."""

    # TODO (task 1): id and name; readable from a Tag object

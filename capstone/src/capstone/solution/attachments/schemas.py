from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

MAX_BYTES = 10 * 1024 * 1024


class ContentType(StrEnum):
    """The types an attachment may have: what browsers show safely, nothing executable."""

    png = "image/png"
    jpeg = "image/jpeg"
    pdf = "application/pdf"
    text = "text/plain"


Filename = Annotated[
    str, Field(min_length=1, max_length=200, pattern=r"^[^\x00/\\]*[^\s\x00/\\][^\x00/\\]*$")
]


class AttachmentIn(BaseModel):
    """What the uploader declares; ``complete`` checks the file that arrived against it."""

    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    filename: Filename
    content_type: ContentType
    size: Annotated[int, Field(ge=1, le=MAX_BYTES, strict=True)]  # strict: `true` is not 1 byte
    # REPLACE WITH
    # # TODO (task 10): the fields of AttachmentIn in openapi.json (components.schemas)
    # END SOLUTION


class AttachmentOut(BaseModel):
    """An attachment: ``pending`` until ``complete`` has checked its file, then ``stored``."""

    # BEGIN SOLUTION
    id: int
    task_id: int
    filename: str
    content_type: str
    size: int
    status: str
    created_by: int | None
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 10): the fields of AttachmentOut in openapi.json (components.schemas)
    # END SOLUTION


class Upload(BaseModel):
    """Send the file with ``method`` to ``url`` with exactly these ``headers``, then complete."""

    # BEGIN SOLUTION task 10
    url: str
    method: str = "PUT"
    headers: dict[str, str]
    # REPLACE WITH
    # # TODO (task 10): the fields of Upload in openapi.json (components.schemas)
    # END SOLUTION


class UploadStarted(BaseModel):
    """A pending attachment and where to send its file."""

    # BEGIN SOLUTION task 10
    attachment: AttachmentOut
    upload: Upload
    # REPLACE WITH
    # # TODO (task 10): the fields of UploadStarted in openapi.json
    # END SOLUTION


class Download(BaseModel):
    """Where to fetch a stored file from, for a few minutes."""

    # BEGIN SOLUTION task 10
    url: str
    # REPLACE WITH
    # # TODO (task 10): the fields of Download in openapi.json
    # END SOLUTION

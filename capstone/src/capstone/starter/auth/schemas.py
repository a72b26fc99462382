"""Request and response bodies of the auth routes."""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# The shape only (something@domain.tld): whether it is deliverable only an e-mail can tell. In
# the schema, so clients (and schema-based fuzzers) know what is accepted.
EMAIL_PATTERN = r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$"
Email = Annotated[
    str, StringConstraints(max_length=254, pattern=EMAIL_PATTERN), AfterValidator(str.lower)
]
Password = Annotated[str, Field(min_length=12, max_length=128, pattern=r"^[^\x00]*$")]


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 1): the fields of Credentials in openapi.json (components.schemas)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 1): the fields of RefreshRequest in openapi.json (components.schemas)


class TokenPair(BaseModel):
    # TODO (task 1): the fields of TokenPair in openapi.json (components.schemas)
    ...


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO (task 1): the fields of UserOut in openapi.json (components.schemas)


class Login(BaseModel):
    """Log-in: no password rules here (they are for new passwords); a wrong one is a 401."""

    model_config = ConfigDict(extra="forbid")

    # TODO (task 1): the fields of Login in openapi.json (components.schemas)

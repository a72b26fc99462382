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

    # BEGIN SOLUTION
    email: Email
    password: Password
    # REPLACE WITH
    # # TODO (task 1): the fields of Credentials in openapi.json (components.schemas)
    # END SOLUTION


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    refresh_token: Annotated[str, Field(min_length=1, max_length=4096)]
    # REPLACE WITH
    # # TODO (task 1): the fields of RefreshRequest in openapi.json (components.schemas)
    # END SOLUTION


class TokenPair(BaseModel):
    # BEGIN SOLUTION
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    # REPLACE WITH
    # # TODO (task 1): the fields of TokenPair in openapi.json (components.schemas)
    # ...
    # END SOLUTION


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    id: int
    email: str
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 1): the fields of UserOut in openapi.json (components.schemas)
    # END SOLUTION


class Login(BaseModel):
    """Log-in: no password rules here (they are for new passwords); a wrong one is a 401."""

    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    email: Email
    password: Annotated[str, Field(min_length=1, max_length=128)]
    # REPLACE WITH
    # # TODO (task 1): the fields of Login in openapi.json (components.schemas)
    # END SOLUTION

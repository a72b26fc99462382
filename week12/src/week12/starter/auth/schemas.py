"""Request and response models of authentication (OAuth2 token responses, RFC 6749 section 5.1)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Permissions a token can carry (OAuth2 scopes), and which of them each role has.
SCOPES = {
    "tasks:read": "Read your tasks, categories and tags",
    "tasks:write": "Create, change and delete your tasks, categories and tags",
    "users:manage": "List users, change roles, deactivate accounts (admins)",
}
ROLE_SCOPES = {
    "user": frozenset({"tasks:read", "tasks:write"}),
    "admin": frozenset(SCOPES),
}


class TokenPair(BaseModel):
    """What a login or a refresh returns."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - a token type, not a secret
    expires_in: int = Field(description="Seconds the access token is valid")
    refresh_token: str = Field(description="Send to /auth/refresh for a new pair; used once")
    scope: str = Field(description="The scopes granted, space-separated")


class RefreshRequest(BaseModel):
    """Body of POST /auth/refresh and POST /auth/logout."""

    model_config = ConfigDict(extra="forbid")

    refresh_token: Annotated[str, Field(min_length=1, max_length=4096)]

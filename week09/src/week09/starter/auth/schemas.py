"""Request and response models of authentication (OAuth2 token responses, RFC 6749 section 5.1)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Permissions a token can carry (OAuth2 scopes), and which of them each role has.
SCOPES = {
    "tasks:read": "Read your tasks, categories and tags",
    "tasks:write": "Create, change and delete your tasks, categories and tags",
    "users:manage": "List users, change roles, deactivate accounts (admins)",
}
# TODO (task 4): which scopes each role has: a user works with their own tasks, categories and
# tags; an admin may do everything, managing users included.
ROLE_SCOPES: dict[str, frozenset[str]] = {}


class TokenPair(BaseModel):
    """What a login or a refresh returns."""

    # TODO: access_token, token_type, expires_in, refresh_token, scope


class RefreshRequest(BaseModel):
    """Body of POST /auth/refresh and POST /auth/logout."""

    # TODO: refresh_token, 1 to 4096 characters

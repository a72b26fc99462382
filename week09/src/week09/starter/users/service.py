"""Business rules of user administration: list, change a role, deactivate."""


class UserAdminService:
    """TODO (task 6): list users, get one (404), change role / active flag: an admin never demotes
    or deactivates themselves (409); deactivating revokes the user's refresh tokens."""

"""The errors of users."""

from ..errors import ConflictError, NotFoundError


class UserNotFoundError(NotFoundError):
    def __init__(self, user_id: int) -> None:
        super().__init__(f"User {user_id} does not exist")


class EmailTakenError(ConflictError):
    def __init__(self) -> None:
        # Registration tells that the address has an account: it must, to be usable. The login
        # and the timing of a login never tell (see auth/service.py).
        super().__init__("An account with this e-mail address exists already; log in instead")


class SelfLockoutError(ConflictError):
    def __init__(self) -> None:
        super().__init__("Admins cannot demote or deactivate themselves; ask another admin")

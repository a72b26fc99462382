"""The errors of users."""

from ..errors import ConflictError, NotFoundError


class EmailTakenError(ConflictError):
    def __init__(self) -> None:
        # Registration tells that the address has an account: it must, to be usable. The login
        # and the timing of a login never tell (see auth/service.py).
        super().__init__("An account with this e-mail address exists already; log in instead")


# TODO (task 6): UserNotFoundError (404) and SelfLockoutError (409) for the admin service.

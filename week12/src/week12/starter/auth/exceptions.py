"""The errors of authentication: a wrong login, a reused refresh token, a weak password."""

from ..errors import AuthenticationError, InvalidFieldError


class InvalidCredentialsError(AuthenticationError):
    keeps_changes = True  # the failed attempt is counted (login_failures) even though we refuse

    def __init__(self) -> None:
        # The same words for an unknown e-mail, a wrong password and a deactivated account.
        super().__init__("Incorrect e-mail or password")


class RefreshTokenReusedError(AuthenticationError):
    keeps_changes = True  # the family's revocation is committed with the refusal

    def __init__(self) -> None:
        super().__init__(
            "This refresh token was used before or revoked: every session of this login is "
            "revoked; log in again"
        )


class WeakPasswordError(InvalidFieldError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("password", problems, code="weak_password")

"""Lecture 2: custom exceptions and an exception hierarchy for an application.

One base class per application lets callers catch "any error of ours" without catching bugs
(``TypeError``, ``KeyError``). Subclasses say WHAT went wrong, carry the data a handler needs,
and map to an HTTP status in one place (week 3 registers exactly such a mapping with
``@app.exception_handler``).

Run: uv run python -m week01.lectures.l2_exceptions
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar


class AppError(Exception):
    """Base of every error the application raises on purpose."""

    status_code: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(AppError):
    status_code = 404
    code = "not_found"

    def __init__(self, resource: str, key: object) -> None:
        super().__init__(f"{resource} {key!r} not found")
        self.resource, self.key = resource, key


class ConflictError(AppError):
    status_code = 409
    code = "conflict"


class ValidationError(AppError):
    status_code = 422
    code = "validation_error"

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


def to_response(error: AppError) -> tuple[int, dict[str, str]]:
    """The single place that turns an application error into an HTTP status and JSON body."""
    return error.status_code, {"code": error.code, "detail": error.message}


class UserDirectory:
    """A tiny service that raises the hierarchy's errors."""

    def __init__(self) -> None:
        self._emails: dict[int, str] = {}

    def add(self, user_id: int, email: str) -> None:
        if "@" not in email:
            raise ValidationError("email", "must contain @")
        if email in self._emails.values():
            raise ConflictError(f"email {email!r} is already registered")
        self._emails[user_id] = email

    def email(self, user_id: int) -> str:
        try:
            return self._emails[user_id]
        except KeyError:
            # from None: the KeyError is an implementation detail, the caller gets our error
            raise NotFoundError("user", user_id) from None


def main() -> None:
    users = UserDirectory()
    users.add(1, "ada@example.com")
    attempts: list[Callable[[], object]] = [
        lambda: users.add(2, "not-an-email"),
        lambda: users.add(3, "ada@example.com"),
        lambda: users.email(42),
    ]
    for attempt in attempts:
        try:
            attempt()
        except AppError as error:  # one except clause handles the whole family
            print(f"{type(error).__name__:16} -> {to_response(error)}")


if __name__ == "__main__":
    main()

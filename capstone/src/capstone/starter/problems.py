"""One error body for the whole API: RFC 9457 problem details (``application/problem+json``).

Every error, from a missing task to a malformed body or an unknown URL, has one shape:
``{"type", "title", "status", "detail", "instance"}``, plus ``errors`` (the invalid fields) for a
422. Clients need one code path for errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .db_errors import unavailable
from .errors import (
    AppError,
    AuthenticationError,
    ConflictError,
    IdempotencyKeyReusedError,
    InvalidCursorError,
    InvalidReferenceError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    UnacceptableFileError,
)

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://projects.example/problems/"  # `.example`: a placeholder domain (RFC 2606)
RETRY_AFTER = "5"  # seconds: when to try again while the database is unreachable


class FieldError(BaseModel):
    """One invalid field of a request: where, what is wrong, which kind of error."""

    # TODO (task 0): the fields of FieldError in openapi.json (components.schemas)


class Problem(BaseModel):
    """RFC 9457 problem details."""

    # TODO (task 0): the fields of Problem in openapi.json (components.schemas)


class ValidationProblem(Problem):
    """A 422: the problem details and the invalid fields."""

    # TODO (task 0): the field ValidationProblem adds to Problem in openapi.json


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_JSON


def problem(
    request: Request,
    status: int,
    *,
    detail: str | None = None,
    slug: str | None = None,
    title: str | None = None,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> ProblemResponse:
    raise NotImplementedError("TODO: task 0")


# (family, status, slug): the first family the error belongs to wins.
APP_ERRORS: list[tuple[type[AppError], int, str]] = []  # TODO (task 0): the table


def add_problem_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem-details response."""

    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> ProblemResponse:
        raise NotImplementedError("TODO: task 0")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> ProblemResponse:
        raise NotImplementedError("TODO: task 0")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        raise NotImplementedError("TODO: task 0")

    @app.exception_handler(DBAPIError)
    @app.exception_handler(PoolTimeoutError)
    @app.exception_handler(ConnectionError)
    @app.exception_handler(TimeoutError)
    async def database_unavailable(request: Request, exc: Exception) -> ProblemResponse:
        """The database is down or restarting: 503 and ``Retry-After`` at once (``db.py``'s
        timeouts make it fast), not a 500: the client may retry, nothing is broken."""
        raise exc  # TODO (task 14): 503 + Retry-After when the database is unreachable

    @app.exception_handler(Exception)
    async def unhandled_error(request: Request, exc: Exception) -> ProblemResponse:
        return problem(request, 500, detail="An unexpected error occurred; it has been logged.")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` documenting the problem bodies a route can send."""
    return {s: {"model": ValidationProblem if s == 422 else Problem} for s in statuses}


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Document 4xx/5xx bodies as ``application/problem+json`` (FastAPI writes application/json),
    and the 400 that every operation with a body answers to a body that is not JSON at all."""
    raise NotImplementedError("TODO: task 6: problem+json bodies, a 400 for non-JSON")

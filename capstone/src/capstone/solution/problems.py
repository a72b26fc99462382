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

    # BEGIN SOLUTION task 0
    loc: list[str | int]
    msg: str
    type: str
    # REPLACE WITH
    # # TODO (task 0): the fields of FieldError in openapi.json (components.schemas)
    # END SOLUTION


class Problem(BaseModel):
    """RFC 9457 problem details."""

    # BEGIN SOLUTION task 0
    type: str = Field(default="about:blank", description="URI that identifies the problem type")
    title: str = Field(description="Short summary, the same for every occurrence of the type")
    status: int = Field(description="The HTTP status code")
    detail: str | None = Field(default=None, description="What went wrong this time")
    instance: str | None = Field(default=None, description="The path of the failed request")
    # REPLACE WITH
    # # TODO (task 0): the fields of Problem in openapi.json (components.schemas)
    # END SOLUTION


class ValidationProblem(Problem):
    """A 422: the problem details and the invalid fields."""

    # BEGIN SOLUTION task 0
    errors: list[FieldError]
    # REPLACE WITH
    # # TODO (task 0): the field ValidationProblem adds to Problem in openapi.json
    # END SOLUTION


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
    # BEGIN SOLUTION task 0
    body = Problem(
        type=PROBLEM_BASE + slug if slug else "about:blank",
        title=title or HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
    )
    if errors is not None:
        body = ValidationProblem(**body.model_dump(), errors=errors)
    return ProblemResponse(body.model_dump(mode="json"), status_code=status, headers=headers)
    # END SOLUTION


# (family, status, slug): the first family the error belongs to wins.
# BEGIN SOLUTION task 0
APP_ERRORS: list[tuple[type[AppError], int, str]] = [
    (NotFoundError, 404, "not-found"),
    (ConflictError, 409, "conflict"),
    (PreconditionFailedError, 412, "precondition-failed"),
    (InvalidCursorError, 400, "invalid-cursor"),
    (PermissionDeniedError, 403, "forbidden"),
    (UnacceptableFileError, 422, "unacceptable-file"),
    (IdempotencyKeyReusedError, 422, "idempotency-key-reused"),
]
# REPLACE WITH
# APP_ERRORS: list[tuple[type[AppError], int, str]] = []  # TODO (task 0): the table
# END SOLUTION


def add_problem_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem-details response."""

    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> ProblemResponse:
        # BEGIN SOLUTION task 0
        if isinstance(exc, AuthenticationError):
            return problem(
                request,
                401,
                detail=exc.detail,
                slug="unauthorized",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if isinstance(exc, InvalidReferenceError):
            field = FieldError(loc=["body", exc.field], msg=exc.detail, type="reference_not_found")
            return problem(request, 422, detail=exc.detail, slug="validation-error", errors=[field])
        for family, status, slug in APP_ERRORS:
            if isinstance(exc, family):
                return problem(request, status, detail=exc.detail, slug=slug)
        raise exc  # an AppError of no known family is a bug: let it become a 500
        # END SOLUTION

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> ProblemResponse:
        # BEGIN SOLUTION task 0
        # Only loc/msg/type: pydantic's `input` could echo a password back to the client.
        errors = [
            FieldError(loc=list(e["loc"]), msg=e["msg"], type=e["type"]) for e in exc.errors()
        ]
        return problem(
            request,
            422,
            detail=f"{len(errors)} invalid field(s)",
            slug="validation-error",
            errors=errors,
        )
        # END SOLUTION

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        # BEGIN SOLUTION task 0
        phrase = HTTPStatus(exc.status_code).phrase
        detail = exc.detail if exc.detail != phrase else None
        return problem(request, exc.status_code, detail=detail, headers=exc.headers)
        # END SOLUTION

    @app.exception_handler(DBAPIError)
    @app.exception_handler(PoolTimeoutError)
    @app.exception_handler(ConnectionError)
    @app.exception_handler(TimeoutError)
    async def database_unavailable(request: Request, exc: Exception) -> ProblemResponse:
        """The database is down or restarting: 503 and ``Retry-After`` at once (``db.py``'s
        timeouts make it fast), not a 500: the client may retry, nothing is broken."""
        # BEGIN SOLUTION task 14: 503 + Retry-After, or re-raise (a 500)
        if not unavailable(exc):
            raise exc  # a bug: the 500 below, logged
        return problem(
            request,
            503,
            detail="The database is unreachable; retry shortly.",
            slug="unavailable",
            headers={"Retry-After": RETRY_AFTER},
        )
        # REPLACE WITH
        # raise exc  # TODO (task 14): 503 + Retry-After when the database is unreachable
        # END SOLUTION

    @app.exception_handler(Exception)
    async def unhandled_error(request: Request, exc: Exception) -> ProblemResponse:
        return problem(request, 500, detail="An unexpected error occurred; it has been logged.")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` documenting the problem bodies a route can send."""
    return {s: {"model": ValidationProblem if s == 422 else Problem} for s in statuses}


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Document 4xx/5xx bodies as ``application/problem+json`` (FastAPI writes application/json),
    and the 400 that every operation with a body answers to a body that is not JSON at all."""
    # BEGIN SOLUTION task 6: problem+json bodies, a 400 for non-JSON
    not_json = {"description": "The body is not JSON", "content": {
        PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}  # fmt: skip
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if "requestBody" in operation:
                operation["responses"].setdefault("400", not_json)
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_JSON] = content.pop("application/json")
    return schema
    # END SOLUTION

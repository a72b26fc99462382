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
from starlette.exceptions import HTTPException as StarletteHTTPException

from .errors import (
    AppError,
    AuthenticationError,
    ConflictError,
    InvalidCursorError,
    InvalidReferenceError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    UnacceptableFileError,
)

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://projects.example/problems/"  # `.example`: a placeholder domain (RFC 2606)


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(default="about:blank", description="URI that identifies the problem type")
    title: str = Field(description="Short summary, the same for every occurrence of the type")
    status: int = Field(description="The HTTP status code")
    detail: str | None = Field(default=None, description="What went wrong this time")
    instance: str | None = Field(default=None, description="The path of the failed request")


class ValidationProblem(Problem):
    errors: list[FieldError]


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
APP_ERRORS: list[tuple[type[AppError], int, str]] = [
    (NotFoundError, 404, "not-found"),
    (ConflictError, 409, "conflict"),
    (PreconditionFailedError, 412, "precondition-failed"),
    (InvalidCursorError, 400, "invalid-cursor"),
    (PermissionDeniedError, 403, "forbidden"),
    (UnacceptableFileError, 422, "unacceptable-file"),
]


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

    @app.exception_handler(Exception)
    async def unhandled_error(request: Request, exc: Exception) -> ProblemResponse:
        return problem(request, 500, detail="An unexpected error occurred; it has been logged.")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` documenting the problem bodies a route can send."""
    return {s: {"model": ValidationProblem if s == 422 else Problem} for s in statuses}


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Document 4xx/5xx bodies as ``application/problem+json`` (FastAPI writes application/json),
    and the 400 that every operation with a body answers to a body that is not JSON at all."""
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

"""One error body for the whole API: RFC 9457 problem details (``application/problem+json``).

Every error the API sends, from a missing task to a malformed body or an unknown URL, has the same
shape, so clients need one code path for errors:

    {"type": "https://task-manager.example/problems/not-found", "title": "Resource not found",
     "status": 404, "detail": "Task 7 does not exist", "instance": "/tasks/7"}

Validation errors add an ``errors`` member (RFC 9457 section 3.2 "extension members") that names
each bad field. ``type`` is ``about:blank`` when the status code says it all (RFC 9457 section 4.2.1).
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .errors import (
    AppError,
    AuthenticationError,
    ConflictError,
    IdempotencyKeyReusedError,
    InvalidCursorError,
    InvalidFieldError,
    InvalidReferenceError,
    InvalidRowsError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    ServiceUnavailableError,
    TooManyAttemptsError,
)

PROBLEM_JSON = "application/problem+json"
# `.example` is a reserved top-level domain (RFC 2606): a placeholder for your API's own docs URL.
PROBLEM_BASE = "https://task-manager.example/problems/"

logger = structlog.get_logger(__name__)


class FieldError(BaseModel):
    """One invalid input: where it is (``["body", "title"]``), what is wrong, and a stable code."""

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
    """A problem with the fields that failed validation."""

    errors: list[FieldError]


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_JSON


def problem(
    request: Request,
    status: int,
    *,
    title: str | None = None,
    detail: str | None = None,
    slug: str | None = None,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> ProblemResponse:
    """Build the problem response; ``slug`` names a problem type of this API, else about:blank."""
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


# Problem type of each error family: (status, slug, title). Order matters: first match wins.
APP_ERRORS: list[tuple[type[AppError], int, str, str]] = [
    (NotFoundError, 404, "not-found", "Resource not found"),
    (ConflictError, 409, "conflict", "Conflict with the current state"),
    (InvalidCursorError, 400, "invalid-cursor", "Invalid pagination cursor"),
    (PreconditionFailedError, 412, "precondition-failed", "The resource has changed"),
]


def add_problem_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem-details response."""

    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> ProblemResponse:
        if (response := auth_problem(request, exc)) is not None:
            return response
        if isinstance(exc, InvalidReferenceError):
            field = FieldError(loc=["body", exc.field], msg=exc.detail, type="reference_not_found")
            return problem(
                request, 422, title="Invalid request", detail=exc.detail,
                slug="validation-error", errors=[field],
            )  # fmt: skip
        if isinstance(exc, InvalidRowsError):
            # The same shape as a validation error of the body: loc names row and field.
            fields = [
                FieldError(loc=["body", "tasks", e.row, *e.loc], msg=e.message, type=e.type)
                for e in exc.errors
            ]
            return problem(
                request, 422, title="Invalid request", detail=exc.detail,
                slug="validation-error", errors=fields,
            )  # fmt: skip
        if isinstance(exc, IdempotencyKeyReusedError):
            # 422, as the IETF Idempotency-Key draft asks: the request is well-formed, but its key
            # already stands for another request. Like every 422, it names the field.
            field = FieldError(
                loc=["header", "idempotency-key"], msg=exc.detail, type="idempotency_key_reused"
            )
            return problem(
                request, 422, title="Idempotency key reused", detail=exc.detail,
                slug="idempotency-key-reused", errors=[field],
            )  # fmt: skip
        if isinstance(exc, ServiceUnavailableError):
            return problem(
                request, 503, title="Temporarily unavailable", detail=exc.detail,
                slug="unavailable", headers={"Retry-After": str(exc.retry_after)},
            )  # fmt: skip
        for family, status, slug, title in APP_ERRORS:
            if isinstance(exc, family):
                return problem(request, status, title=title, detail=exc.detail, slug=slug)
        raise exc  # an AppError of no known family is a bug: let it become a 500

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> ProblemResponse:
        # Only loc/msg/type: pydantic's `input` could echo secrets (a password) back to the client.
        errors = [
            FieldError(loc=list(e["loc"]), msg=e["msg"], type=e["type"]) for e in exc.errors()
        ]
        count = len(errors)
        return problem(
            request, 422, title="Invalid request", slug="validation-error", errors=errors,
            detail=f"{count} invalid field{'s' if count != 1 else ''}",
        )  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        # Routing errors (unknown URL: 404, wrong method: 405) and any HTTPException raised by code.
        phrase = HTTPStatus(exc.status_code).phrase
        detail = exc.detail if exc.detail != phrase else None
        headers = exc.headers
        if exc.status_code == 405:
            # Starlette lists only the first route that matched the path; RFC 9110 wants them all.
            allowed = allowed_methods(request.app, request.url.path)
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
        return problem(request, exc.status_code, detail=detail, headers=headers)

    @app.exception_handler(Exception)
    async def unhandled_error(request: Request, exc: Exception) -> ProblemResponse:
        # Log the traceback for us; the client gets the same shape and no internals.
        logger.exception("unhandled_error", path=request.url.path)
        return problem(request, 500, detail="An unexpected error occurred; it has been logged.")


def auth_problem(request: Request, exc: AppError) -> ProblemResponse | None:
    """The problem response of an authentication error, with the headers its status needs."""
    if isinstance(exc, AuthenticationError):
        # RFC 6750: a 401 names the scheme; error="invalid_token" only when a token was sent.
        sent = request.headers.get("authorization", "").lower().startswith("bearer ")
        challenge = 'Bearer error="invalid_token"' if sent else "Bearer"
        return problem(request, 401, title="Not authenticated", detail=exc.detail,
                       slug="unauthorized", headers={"WWW-Authenticate": challenge})  # fmt: skip
    if isinstance(exc, PermissionDeniedError):
        challenge = f'Bearer error="insufficient_scope", scope="{" ".join(exc.required)}"'
        return problem(request, 403, title="Not allowed", detail=exc.detail,
                       slug="forbidden", headers={"WWW-Authenticate": challenge})  # fmt: skip
    if isinstance(exc, TooManyAttemptsError):
        return problem(request, 429, title="Too many failed logins", detail=exc.detail,
                       slug="too-many-attempts", headers={"Retry-After": str(exc.retry_after)})  # fmt: skip
    if isinstance(exc, InvalidFieldError):
        errors = [FieldError(loc=["body", exc.field], msg=msg, type=exc.code)
                  for msg in exc.problems]  # fmt: skip
        return problem(request, 422, title="Invalid request", detail=exc.detail,
                       slug="validation-error", errors=errors)  # fmt: skip
    return None


def allowed_methods(app: Starlette, path: str) -> list[str]:
    """The methods the app accepts for ``path`` (for ``Allow``): those of the routes that match
    it, plus HEAD wherever GET works and OPTIONS (``http_methods.py`` answers both)."""
    scope = {"type": "http", "path": path, "root_path": ""}
    methods = [
        method
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        if any(
            route.matches({**scope, "method": method})[0] is Match.FULL
            for route in app.router.routes
        )
    ]
    if "GET" in methods:
        methods.insert(1, "HEAD")
    return [*methods, "OPTIONS"] if methods else []


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` documenting the problem bodies a route can send."""
    return {
        status: {"model": ValidationProblem if status == 422 else Problem} for status in statuses
    }


def use_problem_media_type(schema: dict[str, Any]) -> dict[str, Any]:
    """Document 4xx/5xx bodies as ``application/problem+json`` (FastAPI writes application/json)."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_JSON] = content.pop("application/json")
    return schema

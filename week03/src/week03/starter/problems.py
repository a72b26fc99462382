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

from .errors import AppError, ConflictError, InvalidReferenceError, NotFoundError

PROBLEM_JSON = "application/problem+json"
# `.example` is a reserved top-level domain (RFC 2606): a placeholder for your API's own docs URL.
PROBLEM_BASE = "https://task-manager.example/problems/"

logger = structlog.get_logger(__name__)


class FieldError(BaseModel):
    """One invalid input: where it is (``["body", "title"]``), what is wrong, and a stable code."""

    # TODO (task 6): loc, msg and type


class Problem(BaseModel):
    """RFC 9457 problem details."""

    # TODO (task 6): the RFC 9457 members type (default about:blank), title, status, detail,
    # instance


class ValidationProblem(Problem):
    """A problem with the fields that failed validation."""

    # TODO (task 6): the list of field errors


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
    raise NotImplementedError("TODO: build the Problem body, send it as a ProblemResponse")


def add_problem_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem-details response."""
    # TODO (task 6): an exception handler per error family: AppError (404 not-found,
    # 409 conflict, 422 for InvalidReferenceError), RequestValidationError (422 naming
    # each field), StarletteHTTPException (404, 405 with Allow), Exception (500, logged).


def allowed_methods(app: Starlette, path: str) -> list[str]:
    """The methods the app accepts for ``path`` (for ``Allow``): those of the routes that match
    it, plus HEAD wherever GET works and OPTIONS (``http_methods.py`` answers both)."""
    raise NotImplementedError("TODO: methods of the routes matching path; HEAD after GET; OPTIONS")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` documenting the problem bodies a route can send."""
    # TODO (task 6): {status: {"model": ...}}: ValidationProblem for 422, else Problem
    return {}


def use_problem_media_type(schema: dict[str, Any]) -> dict[str, Any]:
    """Document 4xx/5xx bodies as ``application/problem+json`` (FastAPI writes application/json)."""
    # TODO (task 6): move each 4xx/5xx application/json body to application/problem+json
    return schema

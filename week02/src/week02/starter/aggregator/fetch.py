"""One GET, validated at the boundary: every upstream failure becomes a ``SourceError``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from .errors import SourceError

ModelT = TypeVar("ModelT", bound=BaseModel)
Params = Mapping[str, str | int | float]


async def get_model(
    client: httpx.AsyncClient, url: str, model: type[ModelT], params: Params, retries: int = 0
) -> ModelT:
    """GET ``url`` and validate its JSON body as ``model``.

    Raises ``SourceError`` for timeouts, connection errors, non-2xx answers, invalid JSON and JSON
    of the wrong shape. Anything else is a bug in our code and is allowed to crash loudly.
    """
    raise NotImplementedError("TODO: GET with retries; validate the body; else SourceError")


async def get_with_retries(
    client: httpx.AsyncClient, url: str, params: Params, retries: int
) -> httpx.Response:
    """GET ``url``; a failure that may pass is tried again, at most ``retries`` more times.

    Timeouts, connection errors and 5xx answers may pass (the server is busy or restarting): they
    are retried at once. A 4xx answer will not change, so it is never retried. When no attempt is
    left, the last failure becomes a ``SourceError``, with its cause attached.
    """
    raise NotImplementedError("TODO: GET and check status; retry what may pass; SourceError")


def transient(error: httpx.HTTPError) -> bool:
    """Whether trying again may help: a timeout, a network failure or a 5xx answer."""
    raise NotImplementedError("TODO: True for transport errors and 5xx answers")


def problem(error: httpx.HTTPError, url: str) -> str:
    """What went wrong, for the person running the CLI: the status, a timeout, or unreachable."""
    raise NotImplementedError("TODO: the brief's message for a status, timeout or network error")


def describe(error: ValidationError, url: str) -> str:
    """A one-line summary of a validation error: invalid JSON, or which fields were wrong."""
    raise NotImplementedError("TODO: 'not valid JSON', or up to 3 'field: message' and a count")

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
    # BEGIN SOLUTION GET with retries; validate the body; else SourceError
    response = await get_with_retries(client, url, params, retries)
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        raise SourceError(describe(exc, url)) from exc
    # END SOLUTION


async def get_with_retries(
    client: httpx.AsyncClient, url: str, params: Params, retries: int
) -> httpx.Response:
    """GET ``url``; a failure that may pass is tried again, at most ``retries`` more times.

    Timeouts, connection errors and 5xx answers may pass (the server is busy or restarting): they
    are retried at once. A 4xx answer will not change, so it is never retried. When no attempt is
    left, the last failure becomes a ``SourceError``, with its cause attached.
    """
    # BEGIN SOLUTION GET and check status; retry what may pass; SourceError
    attempt = 1
    while True:
        try:
            response = await client.get(url, params=params)
            return response.raise_for_status()
        except httpx.HTTPError as exc:
            if attempt > retries or not transient(exc):
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise SourceError(f"{problem(exc, url)}{tries}") from exc
        attempt += 1
    # END SOLUTION


def transient(error: httpx.HTTPError) -> bool:
    """Whether trying again may help: a timeout, a network failure or a 5xx answer."""
    # BEGIN SOLUTION True for transport errors and 5xx answers
    if isinstance(error, httpx.HTTPStatusError):
        return error.response.is_server_error
    return isinstance(error, httpx.TransportError)
    # END SOLUTION


def problem(error: httpx.HTTPError, url: str) -> str:
    """What went wrong, for the person running the CLI: the status, a timeout, or unreachable."""
    # BEGIN SOLUTION the brief's message for a status, timeout or network error
    if isinstance(error, httpx.HTTPStatusError):
        status = error.response.status_code
        return f"HTTP {status} {error.response.reason_phrase} from {url}"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out waiting for {url}"
    return f"could not reach {url} ({error.__class__.__name__}: {error})"
    # END SOLUTION


def describe(error: ValidationError, url: str) -> str:
    """A one-line summary of a validation error: invalid JSON, or which fields were wrong."""
    # BEGIN SOLUTION 'not valid JSON', or up to 3 'field: message' and a count
    problems = error.errors()
    if problems and problems[0]["type"] == "json_invalid":
        return f"response from {url} is not valid JSON"
    fields = "; ".join(
        f"{'.'.join(str(part) for part in p['loc']) or 'body'}: {p['msg']}" for p in problems[:3]
    )
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return f"unexpected response from {url}: {fields}{more}"
    # END SOLUTION

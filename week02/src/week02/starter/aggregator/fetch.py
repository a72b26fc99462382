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
    client: httpx.AsyncClient, url: str, model: type[ModelT], params: Params
) -> ModelT:
    """GET ``url`` and validate its JSON body as ``model``.

    Raises ``SourceError`` for timeouts, connection errors, non-2xx answers, invalid JSON and JSON
    of the wrong shape. Anything else is a bug in our code and is allowed to crash loudly.
    """
    raise NotImplementedError("TODO: GET url; turn every upstream failure into a SourceError")


def describe(error: ValidationError, url: str) -> str:
    """A one-line summary of a validation error: invalid JSON, or which fields were wrong."""
    problems = error.errors()
    if problems and problems[0]["type"] == "json_invalid":
        return f"response from {url} is not valid JSON"
    fields = "; ".join(
        f"{'.'.join(str(part) for part in p['loc']) or 'body'}: {p['msg']}" for p in problems[:3]
    )
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return f"unexpected response from {url}: {fields}{more}"

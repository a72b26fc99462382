"""One OpenAPI document per API version, served at /api/{version}/openapi.json and /docs.

URL versioning (``/api/v1``, ``/api/v2``): the version is visible in every link, logs and caches
tell versions apart, and each version has its own contract. The documents are committed in
``week04/contracts/`` and a test fails when the app drifts from them: a change to a contract is
then a reviewed diff, never an accident (``make openapi`` regenerates them on purpose).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.routing import iter_route_contexts

from .problems import use_problem_media_type

# x.y.1: the documents now state the id range, the NUL rule and JSON types; requests that
# broke those rules used to crash (500) and now get 422. Nothing they allowed before is refused.
VERSIONS = {
    "v1": ("1.0.1", "The week 3 contract, frozen: clients written for it keep working."),
    "v2": (
        "2.0.1",
        "Tasks with cursor pagination, renamed fields (`state`, `due_on`), links, and "
        "`Idempotency-Key` on create. Categories and tags did not change: they stay in v1, "
        "and v2 tasks link to them.",
    ),
}


def version_openapi(app: FastAPI, version: str) -> dict[str, Any]:
    """The OpenAPI document of the routes under ``/api/{version}/``."""
    # BEGIN SOLUTION get_openapi of the routes under /api/{version}/
    number, description = VERSIONS[version]
    prefix = f"/api/{version}/"
    # iter_route_contexts flattens included routers into routes with their full paths.
    routes = [r for r in iter_route_contexts(app.routes) if (r.path or "").startswith(prefix)]
    schema = get_openapi(
        title=f"{app.title} {version}", version=number, description=description, routes=routes
    )
    return use_problem_media_type(schema)
    # END SOLUTION


def render(schema: dict[str, Any]) -> str:
    """Deterministic text of a document (sorted keys, trailing newline): diffs show real changes."""
    # BEGIN SOLUTION indented JSON with sorted keys and a trailing newline
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    # END SOLUTION


def add_versioned_docs(app: FastAPI) -> None:
    """Serve each version's document and a Swagger UI page for it."""
    # BEGIN SOLUTION
    for version in VERSIONS:
        add_version_docs(app, version)
    # REPLACE WITH
    # # TODO (task 5): add_version_docs for every version
    # END SOLUTION


def add_version_docs(app: FastAPI, version: str) -> None:
    """``GET /api/{version}/openapi.json`` (built on first use) and ``/api/{version}/docs``."""
    # BEGIN SOLUTION
    cache: dict[str, Any] = {}  # built once, on first use: the routes are all in place by then
    openapi_url = f"/api/{version}/openapi.json"

    async def openapi() -> JSONResponse:
        if not cache:
            cache.update(version_openapi(app, version))
        return JSONResponse(cache)

    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=openapi_url, title=f"{app.title} {version}")

    app.add_api_route(openapi_url, openapi, include_in_schema=False)
    app.add_api_route(f"/api/{version}/docs", docs, include_in_schema=False)
    # REPLACE WITH
    # # TODO (task 5): serve GET /api/{version}/openapi.json (version_openapi) and /api/{version}/docs
    # END SOLUTION

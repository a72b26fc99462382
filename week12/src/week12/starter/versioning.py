"""One OpenAPI document per API version, served at /api/{version}/openapi.json and /docs.

URL versioning (``/api/v1``, ``/api/v2``): the version is visible in every link, logs and caches
tell versions apart, and each version has its own contract. The documents are committed in
``week12/contracts/`` (v1: week 6's plus authentication; v2: extended by weeks 7 and 9) and a test
fails when the app drifts from them: a change to a contract is then a reviewed diff, never an
accident. Another test compares them with week 7's (``contracts/week07/``): week 9 only adds.
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

VERSIONS = {
    # 1.1 / 2.1: week 6's 409 on task writes that keep colliding with concurrent ones.
    "v1": (
        # 1.2: week 9 added accounts. Every shape stayed; clients must now send a token.
        "1.2.0",
        "The week 3 contract, plus accounts (week 9): register and log in at `/auth/*`, then "
        "send `Authorization: Bearer <token>`; each user sees and changes only their own data.",
    ),
    "v2": (
        # 2.2: week 7 added ETag/If-Match and the bulk import; 2.3: week 9 requires a token.
        "2.3.0",
        "Tasks with cursor pagination, renamed fields (`state`, `due_on`), links, and "
        "`Idempotency-Key` on create; `ETag`/`If-Match` (412 on a stale version) and a bulk "
        "import. Categories and tags did not change: they stay in v1, and v2 tasks link to them. "
        "Every route needs a bearer token: log in at `/api/v1/auth/token`.",
    ),
}


def version_openapi(app: FastAPI, version: str) -> dict[str, Any]:
    """The OpenAPI document of the routes under ``/api/{version}/``."""
    number, description = VERSIONS[version]
    prefix = f"/api/{version}/"
    # iter_route_contexts flattens included routers into routes with their full paths.
    routes = [r for r in iter_route_contexts(app.routes) if (r.path or "").startswith(prefix)]
    schema = get_openapi(
        title=f"{app.title} {version}", version=number, description=description, routes=routes
    )
    return use_problem_media_type(schema)


def render(schema: dict[str, Any]) -> str:
    """Deterministic text of a document (sorted keys, trailing newline): diffs show real changes."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def add_versioned_docs(app: FastAPI) -> None:
    """Serve each version's document and a Swagger UI page for it."""
    for version in VERSIONS:
        add_version_docs(app, version)


def add_version_docs(app: FastAPI, version: str) -> None:
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

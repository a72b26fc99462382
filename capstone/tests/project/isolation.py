"""The isolation checks, run against every route of an app (``test_isolation.py``).

For each API route the suite needs no list of its own: it reads the app's routes, and the role
each one declares through the tenancy dependency (``RequireRole``), then tries the route:

- **structure**: a route under ``/orgs/{org_id}`` without the tenancy dependency, or a route
  outside it that is not on the short list of deliberately tenant-free routes, is a violation;
- **across organisations**: globex's admin calling acme's URL gets 404 (not 403: an organisation
  one is not in does not exist), and calling its OWN organisation's URL with acme's object ids
  (``{project_id}``, ``{task_id}``, ``{user_id}``, ``{attachment_id}``, ``{comment_id}``) gets
  404 too, a body naming acme's project or member gets 422, and a list of its own organisation
  never holds acme's data;
- **across roles**: every role below the declared one gets 403; the declared role gets neither
  403 nor 404.

A new route that forgets the dependency, or whose repository forgets the organisation, fails.
"""

import re
from collections.abc import Callable
from typing import Any

import httpx

from testkit import impl_module

from .conftest import Org, World

ROLES = ("viewer", "member", "admin")
TENANT_PREFIX = "/api/v1/orgs/{org_id}"
# Routes that are deliberately not scoped to an organisation, and why.
TENANT_FREE = {
    ("POST", "/api/v1/auth/register"): "anyone may register",
    ("POST", "/api/v1/auth/login"): "anyone may log in",
    ("POST", "/api/v1/auth/refresh"): "the refresh token is the credential",
    ("POST", "/api/v1/auth/logout"): "the refresh token is the credential",
    ("GET", "/api/v1/users/me"): "the caller's own account",
    ("GET", "/api/v1/orgs"): "the caller's own memberships",
    ("POST", "/api/v1/orgs"): "creating a tenant",
    ("POST", "/api/v1/invitations/accept"): "the invitation token is the credential",
    ("GET", "/health"): "liveness: the process answers, for the platform",
    ("GET", "/ready"): "readiness: the database answers, for the platform",
    ("GET", "/metrics"): "the page cache's hit counts (no tenant data), for the platform",
    ("PUT", "/local-files/{key:path}"): "the local storage: the signed URL is the credential",
    ("GET", "/local-files/{key:path}"): "the local storage: the signed URL is the credential",
}
MARKER = "secret of acme"  # the name of acme's project and task (conftest.World.org)

# A valid body for each route that takes one, naming ``objects``' data where it names any: the
# probe with acme's ids must reach the lookup, not stop at validation. A new route with a body
# and no sample here is a violation: its author adds one.
SAMPLE_BODIES: dict[tuple[str, str], Callable[[Org], dict[str, Any]]] = {
    ("PATCH", f"{TENANT_PREFIX}/members/{{user_id}}"): lambda o: {"role": "viewer"},
    ("POST", f"{TENANT_PREFIX}/invitations"): lambda o: {"email": "new@example.com", "role": "member"},
    ("POST", f"{TENANT_PREFIX}/projects"): lambda o: {"name": "A new project"},
    ("PATCH", f"{TENANT_PREFIX}/projects/{{project_id}}"): lambda o: {"name": "Renamed"},
    ("POST", f"{TENANT_PREFIX}/tasks"): lambda o: {"project_id": o.project_id, "title": "A new task",
                                         "assignee_id": o.member.id},
    ("PATCH", f"{TENANT_PREFIX}/tasks/{{task_id}}"): lambda o: {"title": "Renamed", "assignee_id": o.member.id},
    ("POST", f"{TENANT_PREFIX}/tasks/{{task_id}}/comments"): lambda o: {"body": f"Done? @{o.member.email}"},
    ("POST", f"{TENANT_PREFIX}/tasks/{{task_id}}/attachments"): lambda o: {
        "filename": "plan.pdf", "content_type": "application/pdf", "size": 1000},
    ("POST", f"{TENANT_PREFIX}/attachments/{{attachment_id}}/complete"): lambda o: {},
    ("PATCH", f"{TENANT_PREFIX}/comments/{{comment_id}}"): lambda o: {"body": f"Edited, @{o.admin.email}"},
    ("POST", f"{TENANT_PREFIX}/exports"): lambda o: {"format": "json"},
}  # fmt: skip


# The query string of each route that needs one, searching for acme's data (MARKER).
SAMPLE_QUERIES: dict[tuple[str, str], str] = {("GET", f"{TENANT_PREFIX}/search"): "?q=secret"}


def operations(app: Any) -> list[tuple[str, str, str | None]]:
    """(method, path, declared role) of every API route of ``app``."""
    main = impl_module("capstone", "main")
    found = []
    for path, route in main.api_routes(app):
        role = main.required_role(route.dependant)
        for method in sorted(route.methods):
            found.append((method, path, role.value if role else None))
    return found


def structure_violations(method: str, path: str, role: str | None) -> list[str]:
    if path.startswith(TENANT_PREFIX):
        return [] if role else [f"{method} {path}: no tenancy dependency (RequireRole)"]
    if (method, path) not in TENANT_FREE:
        return [f"{method} {path}: not under {TENANT_PREFIX} and not a known tenant-free route"]
    return []


def url(path: str, org: Org, objects: Org) -> str:
    """``path`` filled in: the organisation ``org``, object ids of ``objects``' data."""
    values = {"org_id": org.id, "project_id": objects.project_id, "task_id": objects.task_id,
              "user_id": objects.viewer.id, "attachment_id": objects.attachment_id,
              "comment_id": objects.comment_id, "export_id": objects.export_id}  # fmt: skip
    filled = re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path).removeprefix("/api/v1")
    return filled + next((q for (_, p), q in SAMPLE_QUERIES.items() if p == path), "")


def has_body(method: str) -> bool:
    return method in ("POST", "PUT", "PATCH")


async def call(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any] | None = None
) -> httpx.Response:
    return await client.request(method, path, json=body)


async def behaviour_violations(
    world: World, app: Any, acme: Org, globex: Org, method: str, path: str, role: str
) -> list[str]:
    sample = SAMPLE_BODIES.get((method, path))
    if has_body(method) and sample is None:
        return [f"{method} {path}: no sample body in isolation.SAMPLE_BODIES"]
    body = sample(acme) if sample else None
    found = []
    outsider = await world.client(globex.admin, app)
    response = await call(outsider, method, url(path, acme, acme), body)
    if response.status_code != 404:
        found.append(f"{method} {path}: another organisation's admin got {response.status_code}")
    if "{" in path.removeprefix(TENANT_PREFIX):
        response = await call(outsider, method, url(path, globex, acme), body)
        if response.status_code != 404:
            found.append(f"{method} {path}: acme's ids in globex's URL got {response.status_code}")
    elif body is not None and body != (sample(globex) if sample else None):
        # The body names acme's objects (a project, an assignee): unknown in globex.
        response = await call(outsider, method, url(path, globex, acme), body)
        if response.status_code != 422:
            found.append(f"{method} {path}: acme's ids in globex's body got {response.status_code}")
    elif method == "GET":
        response = await call(outsider, method, url(path, globex, globex))
        if MARKER in response.text:
            found.append(f"{method} {path}: globex's list shows acme's data")
    for weaker in ROLES[: ROLES.index(role)]:
        client = await world.client(getattr(acme, weaker), app)
        response = await call(client, method, url(path, acme, acme), body)
        if response.status_code != 403:
            found.append(f"{method} {path}: a {weaker} got {response.status_code}, not 403")
    response = await call(await world.client(getattr(acme, role), app), method,
                          url(path, acme, acme), body)  # fmt: skip
    # A 409 is a rule of the data, met after the role let the request in: acme's project has a
    # task, so deleting it is refused.
    if response.status_code >= 400 and response.status_code != 409:
        found.append(f"{method} {path}: a {role} (the role it declares) got {response.status_code}")
    return found

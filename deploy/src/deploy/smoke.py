"""The HTTP half of ``make deploy-smoke``: a real user's flow against the capstone's container.

``deploy/docker/smoke.sh`` builds the image, starts the Compose stack and runs
``python -m deploy.smoke http://127.0.0.1:PORT --request-id ID``; this module then does what a
client does: register, log in (with ``X-Request-ID: ID``, which must come back in the response;
smoke.sh then finds the JSON line with that id in the container's logs), create an organisation,
a project and a task, read the task back, and check that bad input and a missing token get
problem details (never a 5xx). Each step prints one line; the first failure ends the run with
exit code 1 and says which step and what came back.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx

API = "/api/v1"
# Not in this round's stack: they come with the capstone's part 2 (Celery, WebSockets). Printed,
# so the run never looks more complete than it is.
NOT_YET = (
    "the WebSocket notification of a new task and the worker's e-mail (the capstone's part 2)",
)


class SmokeFailure(Exception):
    """A step got an answer other than the one a working deployment gives."""


def expect(response: httpx.Response, status: int) -> Any:
    """The JSON body of ``response`` if it has ``status``, else a failure that shows the body."""
    if response.status_code != status:
        raise SmokeFailure(
            f"{response.request.method} {response.request.url.path}: expected {status}, "
            f"got {response.status_code}: {response.text[:300]}"
        )
    return response.json() if response.content else None


def expect_problem(response: httpx.Response, status: int) -> None:
    """An RFC 9457 problem with ``status``: what every error of the capstone is."""
    expect(response, status)
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        raise SmokeFailure(f"{response.request.url.path}: a {status} that is not problem+json")


def flow(client: httpx.Client, step: Callable[[str], None], request_id: str) -> None:
    """The user's flow; ``step`` reports each one as it passes; the login carries
    ``request_id``."""
    expect(client.get("/health"), 200)
    expect(client.get("/ready"), 200)
    step("GET /health and /ready: 200 (the app runs and reaches PostgreSQL)")

    email = f"smoke-{secrets.token_hex(4)}@example.com"
    password = secrets.token_urlsafe(18)
    expect(client.post(f"{API}/auth/register", json={"email": email, "password": password}), 201)
    step(f"registered {email}")
    login = client.post(
        f"{API}/auth/login",
        json={"email": email, "password": password},
        headers={"X-Request-ID": request_id},
    )
    tokens = expect(login, 200)
    if login.headers.get("X-Request-ID") != request_id:
        raise SmokeFailure(
            f"POST /auth/login with X-Request-ID {request_id!r} answered with "
            f"{login.headers.get('X-Request-ID')!r}"
        )
    client.headers["Authorization"] = f"Bearer {tokens['access_token']}"
    me = expect(client.get(f"{API}/users/me"), 200)
    if me["email"] != email:
        raise SmokeFailure(f"GET /users/me answered {me['email']!r}, not {email!r}")
    step(f"logged in (X-Request-ID {request_id} came back): GET /users/me knows who we are")

    slug = f"smoke-{secrets.token_hex(4)}"
    org = expect(client.post(f"{API}/orgs", json={"name": "Smoke test", "slug": slug}), 201)
    orgs = f"{API}/orgs/{org['id']}"
    project = expect(client.post(f"{orgs}/projects", json={"name": "Release"}), 201)
    title = "Ship the container"
    created = expect(
        client.post(
            f"{orgs}/tasks",
            json={"project_id": project["id"], "title": title, "labels": ["deploy"]},
        ),
        201,
    )
    step(f"created organisation {slug}, a project and task {created['id']}")
    task = expect(client.get(f"{orgs}/tasks/{created['id']}"), 200)
    if (task["title"], task["labels"], task["project_id"]) != (title, ["deploy"], project["id"]):
        raise SmokeFailure(f"the task read back is not the one created: {task}")
    step("read the task back from PostgreSQL: the same title, labels and project")

    expect_problem(client.post(f"{orgs}/tasks", json={"title": ""}), 422)
    expect_problem(client.get(f"{API}/users/me", headers={"Authorization": ""}), 401)
    step("bad input: 422 problem+json; no token: 401 problem+json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the API's address, e.g. http://127.0.0.1:8000")
    parser.add_argument(
        "--request-id",
        default=f"smoke-{secrets.token_hex(8)}",
        help="the X-Request-ID of the login, to find its line in the API's logs",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def step(message: str) -> None:
        print(f"  ok  {message} ({time.perf_counter() - started:.2f} s)", flush=True)

    try:
        with httpx.Client(base_url=args.base_url, timeout=10) as client:
            flow(client, step, args.request_id)
    except (SmokeFailure, httpx.HTTPError) as exc:
        print(f"  FAILED  {exc}", file=sys.stderr)
        return 1
    for item in NOT_YET:
        print(f"  not yet  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

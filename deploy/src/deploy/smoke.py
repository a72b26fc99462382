"""The HTTP half of ``make deploy-smoke``: a real user's flow against the capstone's container.

``deploy/docker/smoke.sh`` builds the image, starts the Compose stack and runs
``python -m deploy.smoke http://127.0.0.1:PORT --request-id ID --invitee EMAIL``; this module
then does what clients do: register, log in (with ``X-Request-ID: ID``, which must come back in
the response; smoke.sh then finds the JSON line with that id in the container's logs), create an
organisation, a project and a task, read the task back, and check that bad input and a missing
token get problem details (never a 5xx). Then a second person (``EMAIL``) joins by invitation,
opens the WebSocket, and is told within seconds that the first one assigned them the task (the
worker e-mails them too: smoke.sh finds that e-mail in the mail sink); an export is built by the
worker; a second task is deleted (for smoke.sh's purge check). Each step prints one line; the
first failure ends the run with exit code 1 and says which step and what came back.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from websockets.exceptions import WebSocketException
from websockets.sync.client import connect

API = "/api/v1"
TITLE = "Ship the container"
DEADLINE = 10.0  # seconds for the notification, and for the worker's export


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


def sign_up(client: httpx.Client, email: str, headers: dict[str, str] | None = None) -> int:
    """Register ``email`` and log in on ``client`` (its token in the client's headers); the id."""
    password = secrets.token_urlsafe(18)
    expect(client.post(f"{API}/auth/register", json={"email": email, "password": password}), 201)
    login = client.post(
        f"{API}/auth/login", json={"email": email, "password": password}, headers=headers
    )
    tokens = expect(login, 200)
    if headers and login.headers.get("X-Request-ID") != headers["X-Request-ID"]:
        raise SmokeFailure(
            f"POST /auth/login with X-Request-ID {headers['X-Request-ID']!r} answered with "
            f"{login.headers.get('X-Request-ID')!r}"
        )
    client.headers["Authorization"] = f"Bearer {tokens['access_token']}"
    me = expect(client.get(f"{API}/users/me"), 200)
    if me["email"] != email:
        raise SmokeFailure(f"GET /users/me answered {me['email']!r}, not {email!r}")
    return int(me["id"])


@dataclass(frozen=True)
class Created:
    """What the first user's flow made."""

    org_id: int
    project_id: int
    task_id: int


def flow(client: httpx.Client, step: Callable[[str], None], request_id: str) -> Created:
    """The first user's flow; ``step`` reports each one as it passes; the login carries
    ``request_id``."""
    expect(client.get("/health"), 200)
    expect(client.get("/ready"), 200)
    step("GET /health and /ready: 200 (the app runs and reaches PostgreSQL)")

    email = f"smoke-{secrets.token_hex(4)}@example.com"
    sign_up(client, email, headers={"X-Request-ID": request_id})
    step(f"registered {email}, logged in (X-Request-ID {request_id} came back), GET /users/me")

    slug = f"smoke-{secrets.token_hex(4)}"
    org = expect(client.post(f"{API}/orgs", json={"name": "Smoke test", "slug": slug}), 201)
    orgs = f"{API}/orgs/{org['id']}"
    project = expect(client.post(f"{orgs}/projects", json={"name": "Release"}), 201)
    title = TITLE
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
    return Created(int(org["id"]), int(project["id"]), int(created["id"]))


def websocket_url(base_url: str) -> str:
    return base_url.replace("http", "ws", 1).rstrip("/") + f"{API}/ws"


def notified(
    admin: httpx.Client,
    invitee: httpx.Client,
    step: Callable[[str], None],
    created: Created,
    email: str,
) -> None:
    """``email`` joins the organisation, opens the WebSocket, and hears of the assignment."""
    orgs, task_id = f"{API}/orgs/{created.org_id}", created.task_id
    user_id = sign_up(invitee, email)
    invitation = expect(
        admin.post(f"{orgs}/invitations", json={"email": email, "role": "member"}), 201
    )
    expect(invitee.post(f"{API}/invitations/accept", json={"token": invitation["token"]}), 200)
    step(f"{email} registered and joined the organisation by invitation")

    token = invitee.headers["Authorization"].removeprefix("Bearer ")
    with connect(websocket_url(str(invitee.base_url)), open_timeout=DEADLINE) as websocket:
        websocket.send(json.dumps({"type": "auth", "token": token}))  # first message, not URL
        ready = json.loads(websocket.recv(timeout=DEADLINE))
        if ready != {"type": "ready", "user_id": user_id}:
            raise SmokeFailure(f"WebSocket: expected ready for user {user_id}, got {ready}")
        step(f"{email} has the WebSocket open (ready)")
        assigned = time.perf_counter()
        expect(admin.patch(f"{orgs}/tasks/{task_id}", json={"assignee_id": user_id}), 200)
        deadline = assigned + DEADLINE
        while True:  # the first event for this person: nothing else is theirs yet
            left = deadline - time.perf_counter()
            try:
                event = json.loads(websocket.recv(timeout=max(left, 0.01)))
            except TimeoutError:
                raise SmokeFailure(f"no WebSocket notification within {DEADLINE:.0f} s") from None
            if event.get("type") != "pong":
                break
    wanted = {"type": "task.updated", "room": "user", "reason": "assigned", "task_id": task_id}
    if {key: event.get(key) for key in wanted} != wanted:
        raise SmokeFailure(f"WebSocket: expected {wanted}, got {event}")
    took = time.perf_counter() - assigned
    step(f"assigned the task: {email} was told over the WebSocket in {took:.2f} s")


def exported(admin: httpx.Client, step: Callable[[str], None], created: Created) -> None:
    """An export the worker builds (as its own database role), then downloaded."""
    orgs = f"{API}/orgs/{created.org_id}"
    started = time.perf_counter()
    export = expect(admin.post(f"{orgs}/exports", json={"format": "csv"}), 202)
    while export["status"] == "pending" and time.perf_counter() - started < DEADLINE:
        time.sleep(0.1)
        export = expect(admin.get(f"{orgs}/exports/{export['id']}"), 200)
    if export["status"] != "done":
        raise SmokeFailure(f"the worker did not build the export in {DEADLINE:.0f} s: {export}")
    csv = admin.get(f"{orgs}/exports/{export['id']}/download")
    if csv.status_code != 200 or TITLE not in csv.text:
        raise SmokeFailure(f"the export does not list the task: {csv.text[:300]}")
    took = time.perf_counter() - started
    step(f"an export built by the worker in {took:.2f} s, downloaded, lists the task")
    doomed = expect(
        admin.post(
            f"{orgs}/tasks",
            json={"project_id": created.project_id, "title": "Purge me"},
        ),
        201,
    )
    expect(admin.delete(f"{orgs}/tasks/{doomed['id']}"), 204)
    step(f"deleted task {doomed['id']} (soft: smoke.sh ages it and runs the purge)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the API's address, e.g. http://127.0.0.1:8000")
    parser.add_argument(
        "--request-id",
        default=f"smoke-{secrets.token_hex(8)}",
        help="the X-Request-ID of the login, to find its line in the API's logs",
    )
    parser.add_argument(
        "--invitee",
        default=f"smoke-{secrets.token_hex(4)}@example.com",
        help="the second person's e-mail: the worker's e-mail goes there",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def step(message: str) -> None:
        print(f"  ok  {message} ({time.perf_counter() - started:.2f} s)", flush=True)

    try:
        with (
            httpx.Client(base_url=args.base_url, timeout=10) as admin,
            httpx.Client(base_url=args.base_url, timeout=10) as invitee,
        ):
            created = flow(admin, step, args.request_id)
            notified(admin, invitee, step, created, args.invitee)
            exported(admin, step, created)
    except (SmokeFailure, httpx.HTTPError, WebSocketException, OSError) as exc:
        print(f"  FAILED  {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

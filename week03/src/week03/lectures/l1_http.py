"""Lecture 1: HTTP and REST, seen from the wire.

HTTP/1.1 is text: a request line, headers, a blank line, a body. ``raw_exchange()`` starts a real
uvicorn server on 127.0.0.1 and sends it bytes typed by hand, so you see exactly what a client sends
and a server answers. The tables below (method semantics, status codes, API styles) are data, and
tests/lectures/test_l1_http.py checks the method table against a running app.
"""

from __future__ import annotations

import asyncio
import json
import math
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from uuid import UUID

import uvicorn
from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel

# --- 1. One request/response cycle, byte for byte ---------------------------------------------

RAW_REQUEST = (
    b"POST /echo?lang=en HTTP/1.1\r\n"  # request line: method, target, version
    b"Host: 127.0.0.1\r\n"  # the only header HTTP/1.1 requires
    b"Content-Type: application/json\r\n"  # how to read the body
    b"Content-Length: 16\r\n"  # where the body ends
    b"Connection: close\r\n"
    b"\r\n"  # blank line: headers end
    b'{"name": "Ada"}\n'  # the body: exactly Content-Length bytes
)


async def echo_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A bare ASGI app that answers with what it received (lecture 2 explains ASGI)."""
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    answer = json.dumps(
        {
            "method": scope["method"],
            "path": scope["path"],
            "query": scope["query_string"].decode(),
            "body": json.loads(body),
        }
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(answer)).encode()),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": answer})


async def raw_exchange(request: bytes = RAW_REQUEST) -> bytes:
    """Serve ``echo_app`` with uvicorn on a free port, send ``request`` raw, return the raw reply."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(echo_app, host="127.0.0.1", port=port, log_level="error")
    )
    serving = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(10):
            # uvicorn offers a flag, not an event: poll it, within the timeout above.
            while not server.started:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request)
            await writer.drain()
            reply = await reader.read()  # `Connection: close`: the server closes after replying
            writer.close()
            await writer.wait_closed()
            return reply
    finally:
        server.should_exit = True
        await serving


def split_response(raw: bytes) -> tuple[str, dict[str, str], bytes]:
    """``(status line, headers, body)`` of a raw HTTP/1.1 response."""
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return status_line, {k.lower(): v for k, v in headers.items()}, body


# --- 2. Method semantics ---------------------------------------------------------------------


@dataclass(frozen=True)
class Semantics:
    safe: bool  # does not change server state (may be cached, prefetched, retried freely)
    idempotent: bool  # sending it twice leaves the same state as once (safe to retry on timeout)
    typical: str


METHODS = {
    "GET": Semantics(safe=True, idempotent=True, typical="read a resource: 200, 404"),
    "POST": Semantics(
        safe=False, idempotent=False, typical="create in a collection: 201 + Location"
    ),
    "PUT": Semantics(
        safe=False, idempotent=True, typical="replace (or create at a known URL): 200"
    ),
    "PATCH": Semantics(safe=False, idempotent=False, typical="change part of a resource: 200"),
    "DELETE": Semantics(safe=False, idempotent=True, typical="remove: 204, then 404"),
}


class Note(BaseModel):
    text: str


def notes_app() -> FastAPI:
    """A tiny resource to test the table against: one request vs the same request twice."""
    app = FastAPI()
    notes: dict[int, str] = {1: "hello"}

    @app.get("/notes/{note_id}")
    async def read(note_id: int) -> Note:
        if note_id not in notes:
            raise HTTPException(404)
        return Note(text=notes[note_id])

    @app.post("/notes", status_code=201)
    async def create(note: Note, response: Response) -> Note:
        note_id = max(notes, default=0) + 1
        notes[note_id] = note.text
        response.headers["Location"] = f"/notes/{note_id}"
        return note

    @app.put("/notes/{note_id}")
    async def replace(note_id: int, note: Note) -> Note:
        notes[note_id] = note.text
        return note

    @app.patch("/notes/{note_id}")
    async def append(note_id: int, note: Note) -> Note:
        # A PATCH *may* be idempotent ({"text": "x"} as "set"), but nothing guarantees it: this
        # one appends, so sending it twice appends twice.
        notes[note_id] = notes.get(note_id, "") + note.text
        return Note(text=notes[note_id])

    @app.delete("/notes/{note_id}", status_code=204)
    async def delete(note_id: int) -> None:
        if notes.pop(note_id, None) is None:
            raise HTTPException(404)

    @app.get("/notes")
    async def all_notes() -> dict[int, str]:
        return notes

    return app


# --- 3. Status codes: the families, and the ones the project uses ----------------------------

FAMILIES = {
    1: "informational",
    2: "success",
    3: "redirection",
    4: "client error",
    5: "server error",
}
PROJECT_STATUS_CODES = {
    200: "OK: GET, PUT, PATCH return the resource",
    201: "Created: POST made a resource; Location says where",
    204: "No Content: DELETE succeeded, no body",
    400: "Bad Request: the body is not even parseable",
    404: "Not Found: no resource at this URL",
    405: "Method Not Allowed: the URL exists, the method does not (Allow lists the good ones)",
    409: "Conflict: the request clashes with current state (duplicate name, still in use)",
    422: "Unprocessable Content: well-formed, but fields are invalid",
    500: "Internal Server Error: our bug, never the client's fault",
}


def family(status: int) -> str:
    """``404`` -> ``"client error"``: the first digit says who must act."""
    return FAMILIES[status // 100]


# Not every 5xx is our bug. 500 is (an exception we did not handle); 502, 503 and 504 usually
# come from the infrastructure around the app, and a later retry may well succeed.
SERVER_ERRORS = {
    500: "our bug: fix the code (retrying the same request fails the same way)",
    502: "a proxy got no valid answer from the app behind it (crashed, restarting): retry later",
    503: "overloaded or down for maintenance, on purpose: retry after Retry-After",
    504: "a proxy gave up waiting for the app or its upstream (too slow): retry later",
}


def worth_retrying(status: int) -> bool:
    """A client may retry 502/503/504 (and 429, after Retry-After); 500 and 4xx need a change."""
    return status in (429, 502, 503, 504)


# --- 4 and 5. REST principles; REST vs GraphQL vs gRPC ---------------------------------------

REST_PRINCIPLES = {
    "resources": "nouns with URLs (/tasks/7), not verbs (/getTask?id=7)",
    "uniform interface": "the same few methods mean the same thing on every resource",
    "statelessness": "each request carries all it needs (auth, ids); no server-side session",
    "representations": "clients exchange JSON representations; the server owns the resource",
    "cacheability": "responses say whether and how long they may be cached",
}

API_STYLES = {
    "REST": "public/partner HTTP APIs, CRUD over resources, HTTP caching, any client (curl!)",
    "GraphQL": "many client screens needing different shapes of a linked graph in one round trip",
    "gRPC": "internal service-to-service calls: typed contracts (protobuf), streaming, low latency",
}


# --- 6. JSON: what the json module cannot do, and what goes wrong silently -------------------


class Payment(BaseModel):
    id: UUID
    amount: Decimal
    paid_at: datetime


def json_pitfalls() -> dict[str, str]:
    """What ``json.dumps`` does with values a backend meets every day."""
    results: dict[str, str] = {}
    values: dict[str, Any] = {
        "datetime": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "uuid": UUID(int=1),
        "decimal": Decimal("19.99"),
    }
    for name, value in values.items():
        try:
            json.dumps(value)
        except TypeError as exc:
            results[name] = f"TypeError: {exc}"
    # NaN is not JSON (RFC 8259), yet Python writes it by default: other parsers then fail.
    results["nan"] = json.dumps(math.nan)
    try:
        json.dumps(math.nan, allow_nan=False)
    except ValueError as exc:
        results["nan strict"] = f"ValueError: {exc}"
    # Floats cannot hold most decimals exactly: never use float for money.
    results["float money"] = json.dumps(0.1 + 0.2)
    results["pydantic"] = Payment(
        id=UUID(int=1), amount=Decimal("19.99"), paid_at=values["datetime"]
    ).model_dump_json()
    return results


def main() -> None:
    raw = asyncio.run(raw_exchange())
    print("--- request ---\n" + RAW_REQUEST.decode())
    print("--- response ---\n" + raw.decode())
    print(f"{'method':<7} safe  idempotent  typical use")
    for name, s in METHODS.items():
        print(f"{name:<7} {s.safe!s:<5} {s.idempotent!s:<11} {s.typical}")
    for code, meaning in PROJECT_STATUS_CODES.items():
        print(f"{code} {HTTPStatus(code).phrase:<22} [{family(code)}] {meaning}")
    for code, meaning in SERVER_ERRORS.items():
        if code in PROJECT_STATUS_CODES:
            continue  # printed above
        print(f"{code} {HTTPStatus(code).phrase:<22} {meaning}")
    for style, fits in API_STYLES.items():
        print(f"{style:<8} fits: {fits}")
    for name, outcome in json_pitfalls().items():
        print(f"{name:<12} {outcome}")


if __name__ == "__main__":
    main()

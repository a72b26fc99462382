"""Probe a running Task Manager (week 7 or later) over real HTTP for 5xx: hostile input and races.

    DEV_PG_PORT=54341 DEV_REDIS_PORT=63841 make run      # in one terminal: the newest app on :8000
    uv run --frozen --no-sync python shared/benchmarks/probe_live.py [http://127.0.0.1:8000]

Independent of ``testkit.hostile`` on purpose: that suite derives its probes from the app's OpenAPI
document, so a blind spot of the document would be its blind spot too. This script is written by
hand from the kinds of requests that found 500s in issue 13: ids past ``INTEGER`` and ids that are
not digits (paths, filters, bodies, import rows), text PostgreSQL cannot store, wrong JSON types,
broken bodies, HEAD/OPTIONS and the import path, and rounds of ten requests at once (one
``If-Match``, no ``If-Match``, a DELETE racing PATCHes, one ``Idempotency-Key``, one unique name,
a tag deleted while tasks use it); from week 9 on, as a user it registers first. It prints the
statuses per kind and every unexpected answer, and exits 1 if any answer was a 5xx or a race ended
wrongly. The figures of a run against week 7's app are in week07's README.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import Any

import httpx

V1, V2 = "/api/v1", "/api/v2"
ROUNDS = 5  # each race is run this many times
BAD_IDS = ["0", "-1", "2147483648", "9223372036854775808", "1" + "0" * 40, "1_0", "+1", "%201",
           "1.0", "1e3", "0x10", "%00", "abc", "%F0%9F%92%A9", "2147483647"]  # fmt: skip
BAD_TEXT = ["a\x00b", "\x00", "\x01\x1f", "\x1c", " \t ", "\u202e", "x" * 100_000, "é" * 201, ""]
BAD_JSON: list[Any] = [True, 1.5, -1, 0, 2**31, 2**63, 10**40, "1", "", [], {}, None, 1e308]
RAW_BODIES = [b"\xff\xfe", b'{"title": "a', b"[" * 10_000, b'{"title": 1' + b"0" * 5_000 + b"}",
              b'{"title": "a", "title": "b"}', b'{"title": "\\ud800"}', b"", b"null"]  # fmt: skip


class Tally:
    """Statuses per kind of probe, and the answers that should not have happened."""

    def __init__(self) -> None:
        self.kinds: dict[str, Counter[int]] = {}
        self.problems: list[str] = []

    def add(self, kind: str, label: str, response: httpx.Response | BaseException) -> None:
        if isinstance(response, BaseException):
            self.kinds.setdefault(kind, Counter())[0] += 1
            self.problems.append(f"{kind}: {label}: no answer ({type(response).__name__})")
            return
        self.kinds.setdefault(kind, Counter())[response.status_code] += 1
        if response.status_code >= 500:
            self.problems.append(f"{kind}: {label}: {response.status_code} {response.text[:120]}")

    def expect(self, kind: str, ok: bool, what: str) -> None:
        if not ok:
            self.problems.append(f"{kind}: {what}")

    @property
    def requests(self) -> int:
        return sum(sum(counter.values()) for counter in self.kinds.values())

    @property
    def server_errors(self) -> int:
        return sum(n for c in self.kinds.values() for status, n in c.items() if status >= 500)


async def at_once(calls: Sequence[Callable[[], Awaitable[httpx.Response]]]) -> list[Any]:
    return list(await asyncio.gather(*(call() for call in calls), return_exceptions=True))


async def created(http: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await http.post(path, json=body)
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


async def sign_in(http: httpx.AsyncClient) -> None:
    """Week 9 on, every route wants a user: register one, and send its token with each request."""
    email, password = f"probe-{time.time_ns()}@example.com", "a long passphrase for the probe"
    registered = await http.post(f"{V1}/auth/register", json={"email": email, "password": password})
    if registered.status_code == 404:  # weeks 7-8: no accounts
        return
    registered.raise_for_status()
    login = await http.post(f"{V1}/auth/token", data={"username": email, "password": password})
    login.raise_for_status()
    http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"


def body_probes(task: int, category: int, tag: int) -> Iterator[tuple[str, str, str, bytes, str]]:
    """(kind, method, path, body, label): each field of each write with each bad value.

    The other fields are valid and name things that exist, so that a bad value reaches as far
    into the app as it can."""
    task_fields: dict[str, Any] = {"title": "t", "category_id": category, "tag_ids": [tag]}
    bodies: dict[str, tuple[str, dict[str, Any]]] = {
        f"{V1}/categories": ("POST", {"name": "c", "description": "d"}),
        f"{V1}/tags": ("POST", {"name": "t"}),
        f"{V1}/tasks": ("POST", {**task_fields, "due_date": None}),
        f"{V2}/tasks": ("POST", {**task_fields, "due_on": None}),
        f"{V2}/tasks/{task}": ("PATCH", task_fields),
    }
    for path, (method, valid) in bodies.items():
        for field in valid:
            for value in [*BAD_TEXT, *BAD_JSON, [2**31], [True], ["1"], [0]]:
                body = {**valid, field: value}
                yield (
                    "body field",
                    method,
                    path,
                    json.dumps(body).encode(),
                    f"{field}={value!r:.30}",
                )
        for raw in RAW_BODIES:
            yield "raw body", method, path, raw, repr(raw[:30])
    for field in ["title", "category_id", "tag_ids", "due_on", "state"]:
        for value in [*BAD_TEXT[:5], *BAD_JSON, [2**31]]:
            rows = [{"title": "ok"}, {"title": "row", field: value}]
            content = json.dumps({"tasks": rows}).encode()
            yield "import row", "POST", f"{V2}/tasks/import", content, f"{field}={value!r:.30}"


def url_probes() -> Iterator[tuple[str, str, str]]:
    """(kind, method, url): bad ids in paths and filters, methods each path may lack."""
    for bad in BAD_IDS:
        for path in [f"{V1}/tasks/", f"{V1}/categories/", f"{V1}/tags/", f"{V2}/tasks/"]:
            for method in ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]:
                yield "id in path", method, path + bad
        for path in [f"{V1}/tasks", f"{V2}/tasks"]:
            for name in ["category_id", "tag_id", "limit", "page", "size", "cursor", "sort"]:
                yield "query", "GET", f"{path}?{name}={bad}"
                yield "query", "GET", f"{path}?{name}={bad}&{name}=1"
    for path in [f"{V2}/tasks/import", f"{V1}/tasks", f"{V2}/tasks", f"{V1}/categories"]:
        for method in ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO"]:
            yield "method", method, path


async def probe_inputs(http: httpx.AsyncClient, tally: Tally) -> None:
    unique = time.time_ns()
    category = (await created(http, f"{V1}/categories", {"name": f"probe {unique}"}))["id"]
    tag = (await created(http, f"{V1}/tags", {"name": f"probe {unique}"}))["id"]
    task = (await created(http, f"{V2}/tasks", {"title": "probed"}))["id"]
    gate = asyncio.Semaphore(16)

    async def send(kind: str, method: str, url: str, body: bytes | None, label: str) -> None:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        async with gate:
            try:
                response = await http.request(method, url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                tally.add(kind, label, exc)
                return
        tally.add(kind, label, response)

    await asyncio.gather(
        *(
            send(kind, method, url, None, f"{method} {url[:60]}")
            for kind, method, url in url_probes()
        ),
        *(
            send(k, m, p, body, f"{m} {p} {label}")
            for k, m, p, body, label in body_probes(task, category, tag)
        ),
    )
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "application/xml"]:
        response = await http.post(
            f"{V2}/tasks", content=b'{"title": "t"}', headers={"Content-Type": content_type}
        )
        tally.add("content type", content_type, response)


async def races(http: httpx.AsyncClient, tally: Tally, round_: int) -> None:
    """Ten requests at once, each kind once; the outcomes the README promises."""
    tasks = f"{V2}/tasks"
    task = await http.post(tasks, json={"title": "raced"})
    url, etag = f"{tasks}/{task.json()['id']}", task.headers["etag"]

    def patch(headers: dict[str, str]) -> Callable[[], Awaitable[httpx.Response]]:
        return lambda: http.patch(url, json={"title": "p"}, headers=headers)

    answers = await at_once([patch({"If-Match": etag})] * 10)
    codes = record(tally, "race: PATCH, one If-Match", answers)
    tally.expect("one If-Match", codes == Counter({200: 1, 412: 9}), f"got {dict(codes)}")

    answers = await at_once([patch({})] * 10)
    codes = record(tally, "race: PATCH, no If-Match", answers)
    tally.expect("no If-Match", codes == Counter({200: 10}), f"last write wins; got {dict(codes)}")
    version = (await http.get(url)).headers["etag"]
    tally.expect("no If-Match", version == '"12"', f"ten writes applied, version {version}")

    answers = await at_once([lambda: http.delete(url)] + [patch({})] * 9)
    codes = record(tally, "race: DELETE vs PATCH", answers)
    tally.expect("DELETE vs PATCH", set(codes) <= {200, 204, 404}, f"got {dict(codes)}")

    victim = await http.post(tasks, json={"title": "deleted once"})
    victim_url, victim_etag = f"{tasks}/{victim.json()['id']}", victim.headers["etag"]
    answers = await at_once(
        [lambda: http.delete(victim_url, headers={"If-Match": victim_etag})] * 10
    )
    codes = record(tally, "race: DELETE, one If-Match", answers)
    tally.expect("DELETE If-Match", codes[204] == 1 and set(codes) <= {204, 404, 412}, str(codes))

    key = {"Idempotency-Key": f"probe-{time.time_ns()}-{round_}"}
    answers = await at_once([lambda: http.post(tasks, json={"title": "once"}, headers=key)] * 10)
    codes = record(tally, "race: one Idempotency-Key", answers)
    replies = [a for a in answers if isinstance(a, httpx.Response) and a.status_code == 201]
    ids = {r.json()["id"] for r in replies}
    tally.expect("Idempotency-Key", set(codes) <= {201, 409} and len(ids) == 1, f"{codes}, {ids}")
    tally.expect("Idempotency-Key", all("etag" in r.headers for r in replies), "replay lost ETag")

    name = {"name": f"probe {time.time_ns()}"}
    answers = await at_once([lambda: http.post(f"{V1}/categories", json=name)] * 10)
    codes = record(tally, "race: one unique name", answers)
    tally.expect("unique name", codes == Counter({201: 1, 409: 9}), f"got {dict(codes)}")

    tag = (await created(http, f"{V1}/tags", {"name": f"t{time.time_ns()}"}))["id"]
    answers = await at_once(
        [lambda: http.delete(f"{V1}/tags/{tag}")]
        + [lambda: http.post(tasks, json={"title": "tagged", "tag_ids": [tag]})] * 9
    )
    codes = record(tally, "race: tag deleted while used", answers)
    tally.expect("tag vs tasks", set(codes) <= {201, 204, 409, 422}, f"got {dict(codes)}")
    kept = (await http.get(f"{V1}/tags/{tag}")).status_code == 200
    tally.expect("tag vs tasks", kept == (codes[204] == 0), f"tag kept={kept} with {dict(codes)}")


def record(tally: Tally, kind: str, answers: list[Any]) -> Counter[int]:
    for answer in answers:
        tally.add(kind, "burst", answer)
    return Counter(a.status_code for a in answers if isinstance(a, httpx.Response))


async def contract(http: httpx.AsyncClient, tally: Tally) -> None:
    """Two promises of the README: the import reports every bad row at once; HEAD is GET."""
    rows = [{"title": ""}, {"title": "ok", "category_id": 2147483647}, {"title": "ok"}]
    response = await http.post(f"{V2}/tasks/import", json={"tasks": rows})
    tally.add("contract", "import", response)
    bad_rows = {e["loc"][2] for e in response.json().get("errors", [])}
    tally.expect("import", bad_rows == {0, 1}, f"reported rows {sorted(bad_rows)}, not [0, 1]")
    head = await http.head(f"{V2}/tasks")
    tally.add("contract", "HEAD", head)
    tally.expect("HEAD", head.status_code == 200 and not head.content, f"HEAD {head.status_code}")


async def main(base_url: str) -> int:
    tally = Tally()
    began = time.perf_counter()
    limits = httpx.Limits(max_connections=20)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as http:
        await sign_in(http)
        await probe_inputs(http, tally)
        await contract(http, tally)
        for round_ in range(ROUNDS):
            await races(http, tally, round_)
    seconds = time.perf_counter() - began
    print("| kind | requests | statuses |\n|---|---:|---|")
    for kind, counter in tally.kinds.items():
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(counter.items()))
        print(f"| {kind} | {sum(counter.values())} | {statuses} |")
    print(f"\n{tally.requests} requests in {seconds:.0f} s, {tally.server_errors} answered 5xx.")
    for problem in tally.problems[:40]:
        print("  -", problem)
    if len(tally.problems) > 40:
        print(f"  ... and {len(tally.problems) - 40} more")
    return 1 if tally.problems else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")))
